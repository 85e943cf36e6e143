/*
 * The parts of Argo CD's API App Center reads and writes, named after the definitions of Argo CD's pinned
 * swagger.json (generated into ./generated/swagger.ts; names drop their `v1alpha1` / `application` prefixes).
 * Swagger marks every field optional (proto3); `Present` restores the few the server always sends or requires,
 * which App Center's code relies on. The two query shapes at the end are not definitions in the contract.
 */
import type { components } from './generated/swagger';

type Schemas = components['schemas'];
/** `T` with the keys `K` always present. */
type Present<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

export type ObjectMeta = Schemas['v1ObjectMeta'];
export type ApplicationSourceDirectory =
  Schemas['v1alpha1ApplicationSourceDirectory'];
export type ApplicationSource = Present<
  Schemas['v1alpha1ApplicationSource'],
  'repoURL'
>;
/** Exactly one of name or server. */
export type ApplicationDestination = Schemas['v1alpha1ApplicationDestination'];
export type SyncPolicy = Schemas['v1alpha1SyncPolicy'];
export type ApplicationSpec = Present<
  Omit<Schemas['v1alpha1ApplicationSpec'], 'source' | 'sources'>,
  'project' | 'destination'
> & { source?: ApplicationSource; sources?: ApplicationSource[] };
/** Synced, OutOfSync, Unknown. */
export type SyncStatus = Schemas['v1alpha1SyncStatus'];
/** Healthy, Progressing, Degraded, Suspended, Missing, Unknown. */
export type HealthStatus = Schemas['v1alpha1HealthStatus'];
/** Phase: Running, Terminating, Succeeded, Failed, Error. */
export type OperationState = Present<
  Schemas['v1alpha1OperationState'],
  'phase'
>;
export type SyncOperation = Schemas['v1alpha1SyncOperation'];
export type ResourceResult = Schemas['v1alpha1ResourceResult'];
export type RevisionHistory = Present<Schemas['v1alpha1RevisionHistory'], 'id'>;
export type ResourceStatus = Schemas['applicationv1alpha1ResourceStatus'];
export type ApplicationStatus = Omit<
  Schemas['v1alpha1ApplicationStatus'],
  'history' | 'operationState'
> & { history?: RevisionHistory[]; operationState?: OperationState };
export type Application = Omit<
  Schemas['v1alpha1Application'],
  'metadata' | 'spec' | 'status'
> & {
  metadata: Present<ObjectMeta, 'name'>;
  spec: ApplicationSpec;
  status?: ApplicationStatus;
};
export type ApplicationList = Omit<
  Schemas['v1alpha1ApplicationList'],
  'items'
> & {
  items?: Application[] | null;
};
/** `group` is "" for core kinds. */
export type SyncOperationResource = Present<
  Schemas['v1alpha1SyncOperationResource'],
  'kind' | 'name'
>;
/** The sync request body (`name` comes from the path). */
export type SyncRequest = Omit<
  Schemas['applicationApplicationSyncRequest'],
  'name' | 'resources'
> & { resources?: SyncOperationResource[] };
export type ResourceRef = Schemas['v1alpha1ResourceRef'];
export type ResourceNode = Schemas['v1alpha1ResourceNode'];
export type ApplicationTree = Schemas['v1alpha1ApplicationTree'];
/** The states are JSON-encoded strings ("null" when absent). */
export type ResourceDiff = Schemas['v1alpha1ResourceDiff'];
export type ResourceAction = Present<Schemas['v1alpha1ResourceAction'], 'name'>;
export type KubernetesEvent = Schemas['eventsEvent'];
export type RevisionMetadata = Schemas['v1alpha1RevisionMetadata'];
export type LogEntry = Schemas['applicationLogEntry'];
/** A cluster registered in Argo CD (its `name` and `server`). */
export type Cluster = Schemas['v1alpha1Cluster'];
export type AppProjectSpec = Schemas['v1alpha1AppProjectSpec'];
/** An AppProject: which repositories and destinations its applications may use. */
export type AppProject = Omit<Schemas['v1alpha1AppProject'], 'metadata'> & {
  metadata: Present<ObjectMeta, 'name'>;
};

/** Identifies one resource of an application's tree (query of the resource endpoints). */
export interface ResourceQuery {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  resourceName: string;
}

/** Query of the pod log stream. */
export interface LogQuery {
  podName?: string;
  container?: string;
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** Only lines from this time on (seconds since the epoch). */
  'sinceTime.seconds'?: number;
  previous?: boolean;
  filter?: string;
  /** A workload whose pods to read (all of its descendants). */
  kind?: string;
  group?: string;
  resourceName?: string;
  namespace?: string;
}
