/*
 * The parts of Argo CD's API App Center reads and writes, typed after the definitions of Argo CD's
 * swagger.json (the contract in shared/contracts/argocd). Names follow the definitions without their
 * `v1alpha1` / `application` prefixes; fields App Center does not use are left out (the server sends
 * more, and ignores unknown fields it receives). Zero timestamps arrive as null (ENDPOINTS.md section 6).
 */

/** v1ObjectMeta (subset). */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
}

/** v1alpha1ApplicationSourceDirectory. */
export interface ApplicationSourceDirectory {
  recurse?: boolean;
  exclude?: string;
  include?: string;
}

/** v1alpha1ApplicationSource (subset). */
export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  chart?: string;
  directory?: ApplicationSourceDirectory;
  helm?: { releaseName?: string; valueFiles?: string[] };
  kustomize?: Record<string, unknown>;
}

/** v1alpha1ApplicationDestination: exactly one of name or server. */
export interface ApplicationDestination {
  name?: string;
  server?: string;
  namespace?: string;
}

/** v1alpha1SyncPolicy (subset). */
export interface SyncPolicy {
  automated?: { enabled?: boolean; prune?: boolean; selfHeal?: boolean } | null;
  syncOptions?: string[];
}

/** v1alpha1ApplicationSpec. */
export interface ApplicationSpec {
  project: string;
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  destination: ApplicationDestination;
  syncPolicy?: SyncPolicy;
  revisionHistoryLimit?: number;
}

/** v1alpha1SyncStatus: Synced, OutOfSync, Unknown. */
export interface SyncStatus {
  status: string;
  revision?: string;
  revisions?: string[];
}

/** v1alpha1HealthStatus: Healthy, Progressing, Degraded, Suspended, Missing, Unknown. */
export interface HealthStatus {
  status?: string;
  message?: string;
  lastTransitionTime?: string | null;
}

/** v1alpha1OperationState (subset). Phase: Running, Terminating, Succeeded, Failed, Error. */
export interface OperationState {
  phase: string;
  message?: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  retryCount?: number;
  operation?: {
    sync?: SyncOperation;
    initiatedBy?: { username?: string; automated?: boolean };
  };
  syncResult?: {
    revision?: string;
    revisions?: string[];
    resources?: ResourceResult[];
  };
}

/** v1alpha1SyncOperation (subset). */
export interface SyncOperation {
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
  resources?: SyncOperationResource[];
}

/** v1alpha1ResourceResult (subset). */
export interface ResourceResult {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  status?: string;
  message?: string;
  hookPhase?: string;
  syncPhase?: string;
}

/** v1alpha1RevisionHistory (subset). */
export interface RevisionHistory {
  id: number;
  revision?: string;
  deployedAt?: string | null;
  deployStartedAt?: string | null;
  source?: ApplicationSource;
  initiatedBy?: { username?: string; automated?: boolean };
}

/** applicationv1alpha1ResourceStatus (subset). */
export interface ResourceStatus {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  status?: string;
  health?: HealthStatus;
  requiresPruning?: boolean;
}

/** v1alpha1ApplicationStatus (subset). */
export interface ApplicationStatus {
  sync?: SyncStatus;
  health?: HealthStatus;
  operationState?: OperationState;
  history?: RevisionHistory[];
  summary?: { images?: string[]; externalURLs?: string[] };
  resources?: ResourceStatus[];
  conditions?: Array<{
    type: string;
    message?: string;
    lastTransitionTime?: string | null;
  }>;
  reconciledAt?: string | null;
  sourceType?: string;
}

/** v1alpha1Application. */
export interface Application {
  metadata: ObjectMeta & { name: string };
  spec: ApplicationSpec;
  status?: ApplicationStatus;
  operation?: { sync?: SyncOperation } | null;
}

/** v1alpha1ApplicationList. */
export interface ApplicationList {
  metadata?: { resourceVersion?: string };
  items: Application[] | null;
}

/** v1alpha1SyncOperationResource: `group` is "" for core kinds. */
export interface SyncOperationResource {
  group?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** applicationApplicationSyncRequest (`name` comes from the path). */
export interface SyncRequest {
  revision?: string;
  prune?: boolean;
  dryRun?: boolean;
  resources?: SyncOperationResource[];
  syncOptions?: { items: string[] };
  strategy?: { apply?: { force?: boolean }; hook?: { force?: boolean } };
  retryStrategy?: {
    limit?: number;
    backoff?: { duration?: string; factor?: number; maxDuration?: string };
  };
  infos?: Array<{ name: string; value: string }>;
  project?: string;
}

/** v1alpha1ResourceRef. */
export interface ResourceRef {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
}

/** v1alpha1ResourceNode (subset). */
export interface ResourceNode extends ResourceRef {
  parentRefs?: ResourceRef[];
  health?: HealthStatus;
  images?: string[];
  info?: Array<{ name?: string; value?: string }>;
  resourceVersion?: string;
  createdAt?: string | null;
  networkingInfo?: Record<string, unknown>;
}

/** v1alpha1ApplicationTree. */
export interface ApplicationTree {
  nodes?: ResourceNode[];
  orphanedNodes?: ResourceNode[];
  hosts?: unknown[];
}

/** v1alpha1ResourceDiff: the states are JSON-encoded strings ("null" when absent). */
export interface ResourceDiff {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  hook?: boolean;
  modified?: boolean;
  targetState?: string;
  liveState?: string;
  normalizedLiveState?: string;
  predictedLiveState?: string;
  resourceVersion?: string;
}

/** Identifies one resource of an application's tree (query of the resource endpoints). */
export interface ResourceQuery {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  resourceName: string;
}

/** v1alpha1ResourceAction. */
export interface ResourceAction {
  name: string;
  displayName?: string;
  disabled?: boolean;
  iconClass?: string;
  params?: Array<{
    name?: string;
    value?: string;
    type?: string;
    default?: string;
  }>;
}

/** eventsEvent (subset). */
export interface KubernetesEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  involvedObject?: {
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
    apiVersion?: string;
  };
  source?: { component?: string; host?: string };
  metadata?: ObjectMeta;
}

/** v1alpha1RevisionMetadata. */
export interface RevisionMetadata {
  author?: string;
  date?: string | null;
  message?: string;
  tags?: string[];
}

/** applicationLogEntry. */
export interface LogEntry {
  content?: string;
  podName?: string;
  timeStampStr?: string;
  timeStamp?: string | null;
  last?: boolean;
}

/** Query of the pod log stream. */
export interface LogQuery {
  podName?: string;
  container?: string;
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  previous?: boolean;
  filter?: string;
  /** A workload whose pods to read (all of its descendants). */
  kind?: string;
  group?: string;
  resourceName?: string;
  namespace?: string;
}
