import { registerApplicationRoutes } from './api/applications.ts';
import type { ApiDeps } from './api/deps.ts';
import { registerLogRoutes } from './api/logs.ts';
import { registerMiscRoutes } from './api/misc.ts';
import { registerPlatformRoutes } from './api/platform.ts';
import { registerResourceRoutes } from './api/resources.ts';
import { registerSandboxRoutes } from './api/sandboxRoutes.ts';
import { buildCatalog } from './registry/catalog.ts';
import { registerRegistryRoutes } from './registry/routes.ts';
import { registerKubeRoutes, sandboxKubeconfig } from './kube/routes.ts';
import { registerStreamRoutes } from './api/streams.ts';
import { AppStore } from './argocd/appStore.ts';
import type { ControllerOptions } from './argocd/controller.ts';
import {
  AppController,
  DEFAULT_CONTROLLER_OPTIONS,
} from './argocd/controller.ts';
import { OperationRunner } from './argocd/operations.ts';
import type { ProjectSeed } from './argocd/projects.ts';
import { ProjectStore } from './argocd/projects.ts';
import { ResourceService } from './argocd/resources.ts';
import { ApplicationService } from './argocd/service.ts';
import type { SimOptions } from './cluster/context.ts';
import { ensureNamespaces, INITIAL_NAMESPACES } from './cluster/namespaces.ts';
import { Simulator } from './cluster/simulator.ts';
import { Hooks } from './hooks/faults.ts';
import { Router } from './http/router.ts';
import { createHttpServer, listen } from './http/server.ts';
import { GitReader } from './repo/gitReader.ts';
import { ManifestGenerator } from './repo/manifests.ts';
import type { Clock } from './util/clock.ts';
import { realClock } from './util/clock.ts';

/** The default bearer token of the sandbox API (dev only). */
export const DEFAULT_SANDBOX_TOKEN = 'sandbox-token';
export const DEFAULT_ARGOCD_PORT = 7010;
export const DEFAULT_GIT_PORT = 7011;

export interface ArgoCDSandboxOptions {
  /** Port of the Argo CD API (0 picks a free one; default 0 here, 7010 in the CLI). */
  port?: number;
  host?: string;
  /** Bearer token the API demands (default `sandbox-token`). */
  token?: string;
  /** Directory the sandbox may use for its own files (git repositories live in gitRoot). */
  dataDir: string;
  /** Directory of the bare git repositories (the git server's root). */
  gitRoot: string;
  /** Time a pod needs to become ready (default 1500 ms; 0 for tests and benches). */
  podReadyDelayMs?: number;
  /** Upper bound of workload progress deadlines (default 15 s). */
  progressDeadlineMs?: number;
  /** Upper bound of old ReplicaSet scale-down delays (default 3 s). */
  scaleDownDelayMs?: number;
  /** Interval of generated log lines (default 2 s). */
  logIntervalMs?: number;
  /** How long a container whose image tag contains `crash` runs before it exits and restarts (default 5 s). */
  crashAfterMs?: number;
  /** Time a sync stays Running before it applies (default 300 ms). */
  syncDelayMs?: number;
  /** Time a cascading delete keeps the app with deletionTimestamp (default 300 ms). */
  deleteDelayMs?: number;
  /** Interval of the periodic comparison with git (default 10 s; 0 off). */
  reconcileIntervalMs?: number;
  /**
   * AppProjects besides `default` (which, as in Argo CD, allows everything): a bare name allows everything
   * too; `{name, spec}` gives the AppProject's spec. More can be created with `POST /api/v1/projects`.
   */
  projects?: ProjectSeed[];
  /**
   * Namespaces that exist at start besides Kubernetes' own and `argocd`. A sync into any other namespace
   * fails unless it has `CreateNamespace=true`, as on a real cluster.
   */
  namespaces?: string[];
  /** Destination cluster names that exist (default: any). */
  clusters?: string[];
  /** Name reported for the token's user (default `admin`). */
  username?: string;
  /** Keep-alive interval of SSE streams (default 15 s). */
  keepAliveMs?: number;
  /** Base URL of the git server over gitRoot, for the repositories the sandbox creates itself (default: a placeholder host; the sandbox reads gitRoot directly). */
  gitBaseUrl?: string;
  /**
   * Images the OCI distribution API under `/v2/` serves (repository -> tags, oldest first); default the
   * example images `shop/web` and `shop/api`, each with a `-bad` tag.
   */
  registryImages?: Record<string, string[]>;
  /** Time source (a ManualClock in unit tests). */
  clock?: Clock;
}

export interface ArgoCDSandbox {
  url: string;
  port: number;
  /** `host:port` of the OCI registry API the sandbox serves under `/v2/` (plain http). */
  registryHost: string;
  /** A kubeconfig for the Kubernetes API stand-in (trivy-operator VulnerabilityReports); holds the token. */
  kubeconfig(): string;
  token: string;
  hooks: Hooks;
  /** The simulated cluster (objects, events, controllers). */
  cluster: Simulator;
  /** The application store and controller (programmatic access for tests and seeding). */
  argocd: {
    apps: AppStore;
    controller: AppController;
    service: ApplicationService;
    resources: ResourceService;
  };
  /** Wipes applications, cluster objects and events (hooks stay). */
  resetState(): void;
  close(): Promise<void>;
}

/** Starts the Argo CD API server and the simulated cluster. The git server is started separately (see cli.ts). */
export async function startArgoCDSandbox(
  options: ArgoCDSandboxOptions,
): Promise<ArgoCDSandbox> {
  const clock = options.clock ?? realClock;
  const token = options.token ?? DEFAULT_SANDBOX_TOKEN;
  const username = options.username ?? 'admin';
  const simOptions: Partial<SimOptions> = {};
  if (options.podReadyDelayMs !== undefined)
    simOptions.podReadyDelayMs = options.podReadyDelayMs;
  if (options.progressDeadlineMs !== undefined)
    simOptions.progressDeadlineMs = options.progressDeadlineMs;
  if (options.scaleDownDelayMs !== undefined)
    simOptions.scaleDownDelayMs = options.scaleDownDelayMs;
  if (options.logIntervalMs !== undefined)
    simOptions.logIntervalMs = options.logIntervalMs;
  if (options.crashAfterMs !== undefined)
    simOptions.crashAfterMs = options.crashAfterMs;
  const sim = new Simulator(clock, simOptions);
  const seedNamespaces = () =>
    ensureNamespaces(sim.store, [
      ...INITIAL_NAMESPACES,
      ...(options.namespaces ?? []),
    ]);
  seedNamespaces();
  const apps = new AppStore(clock);
  const generator = new ManifestGenerator(new GitReader(options.gitRoot));
  const ctlOptions: ControllerOptions = { ...DEFAULT_CONTROLLER_OPTIONS };
  if (options.syncDelayMs !== undefined)
    ctlOptions.syncDelayMs = options.syncDelayMs;
  if (options.deleteDelayMs !== undefined)
    ctlOptions.deleteDelayMs = options.deleteDelayMs;
  if (options.reconcileIntervalMs !== undefined)
    ctlOptions.reconcileIntervalMs = options.reconcileIntervalMs;
  const controller = new AppController(apps, sim, generator, clock, ctlOptions);
  const ops = new OperationRunner(controller);
  const projects = new ProjectStore(clock, options.projects);
  const service = new ApplicationService(controller, ops, {
    projects,
    clusters: options.clusters,
    username,
  });
  const resources = new ResourceService(service);
  const hooks = new Hooks();
  const resetState = () => {
    apps.clear();
    sim.store.clear();
    sim.events.clear();
    controller.comparisons.clear();
    projects.reset(options.projects);
    seedNamespaces();
  };
  const deps: ApiDeps = {
    svc: service,
    resources,
    ctl: controller,
    projects,
    sim,
    hooks,
    token,
    username,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    git: {
      root: options.gitRoot,
      baseUrl: options.gitBaseUrl ?? 'http://git.sandbox.invalid',
    },
    resetState,
  };
  const router = new Router();
  registerMiscRoutes(router, deps);
  registerPlatformRoutes(router, deps);
  registerApplicationRoutes(router, deps);
  registerResourceRoutes(router, deps);
  registerStreamRoutes(router, deps);
  registerLogRoutes(router, deps);
  registerSandboxRoutes(router, deps);
  registerRegistryRoutes(router, buildCatalog(options.registryImages));
  registerKubeRoutes(router, { store: sim.store, token });
  const server = createHttpServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    token,
    router,
    hooks,
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  controller.start();
  return {
    url: `http://${urlHostOf(host)}:${port}`,
    port,
    registryHost: `${urlHostOf(host)}:${port}`,
    kubeconfig: () =>
      sandboxKubeconfig(`http://${urlHostOf(host)}:${port}`, token),
    token,
    hooks,
    cluster: sim,
    argocd: { apps, controller, service, resources },
    resetState,
    close: async () => {
      controller.stop();
      sim.stop();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}

/** The host to put in the URL: IPv6 in brackets, and the wildcard address as loopback. */
function urlHostOf(host: string): string {
  if (host.includes(':')) return `[${host}]`;
  if (host === '0.0.0.0') return '127.0.0.1';
  return host;
}
