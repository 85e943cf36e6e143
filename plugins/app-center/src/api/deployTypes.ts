/*
 * Request and response shapes of the deploy routes (DESIGN.md section 9: deployments, scale, autoscaling,
 * rollback, history, environment app files). They mirror the backend's OpenAPI parts.
 */
import type { Task } from '@internal/plugin-app-center-common';

/** New tags for some images of one app. @public */
export interface DeployAppInput {
  app: string;
  /** `image` is the repository as written in the manifests (without tag), `tag` the new tag. */
  images: { image: string; tag: string }[];
}

/** A batch deploy: one commit for all apps, then a pinned sync of each. @public */
export interface DeployInput {
  apps: DeployAppInput[];
  message?: string;
}

/** A HorizontalPodAutoscaler next to the workload. @public */
export interface AutoscalingInput {
  minReplicas: number;
  maxReplicas: number;
  /** Target average CPU utilisation in percent. */
  cpuUtilization?: number;
  /** Target average memory utilisation in percent. */
  memoryUtilization?: number;
}

/** One deploy of an environment app: Argo CD's history joined with git and App Center's task. @public */
export interface DeployRecord {
  /** Argo CD's history id. */
  id: number | string;
  /** The git commit deployed. */
  revision: string;
  deployedAt?: string;
  /** Images at that revision (full references with tags). */
  images?: string[];
  /** The commit's author (the Backstage user who asked, for portal deploys). */
  author?: { name: string; email?: string } | string;
  message?: string;
  committedAt?: string;
  /** Who started the sync in Argo CD. */
  initiatedBy?: { username?: string; automated?: boolean };
  /** What could not be read for this entry (e.g. the commit is gone). */
  warning?: string;
  /** The App Center task that made the deploy, when it came through the portal. */
  task?: { id: string; kind?: string; requestedBy?: string; status?: string };
}

/** The manifests of an environment app, read at `revision`. @public */
export interface ManifestFiles {
  revision: string;
  files: { path: string; content: string }[];
}

/** A write of an environment app's manifests; `sync` syncs the app afterwards. @public */
export interface ManifestFilesWrite {
  files?: { path: string; content: string }[];
  deleted?: string[];
  baseRevision?: string;
  message?: string;
  sync?: boolean;
}

/** What a manifest write did, and the sync task when one was asked for. @public */
export interface ManifestWriteResult {
  revision: string;
  committed: boolean;
  files: string[];
  parent?: string;
  task?: Task;
}
