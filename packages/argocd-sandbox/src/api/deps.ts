import type { AppController } from '../argocd/controller.ts';
import type { ProjectStore } from '../argocd/projects.ts';
import type { ResourceService } from '../argocd/resources.ts';
import type { ApplicationService } from '../argocd/service.ts';
import type { Simulator } from '../cluster/simulator.ts';
import type { Hooks } from '../hooks/faults.ts';

export interface ApiDeps {
  svc: ApplicationService;
  resources: ResourceService;
  ctl: AppController;
  projects: ProjectStore;
  sim: Simulator;
  hooks: Hooks;
  token: string;
  username: string;
  /** Where the sandbox creates repositories of its own (generated apps), and their base URL. */
  git: { root: string; baseUrl: string };
  /** Interval of `:` keep-alive comments on SSE streams. */
  keepAliveMs: number;
  /** Wipes apps, cluster objects and events (sandbox reset with state). */
  resetState(): void;
}
