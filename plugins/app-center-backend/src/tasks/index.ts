// The task queue (DESIGN.md section 5), generic over task kinds: the store several replicas share (claims with a
// lease, heartbeats, per-app locks), the worker that runs each claimed task with its kind and records every
// step (a resumed task skips finished steps), the service that starts tasks of any kind for a caller, and the
// registry of kinds (App Center's own, in their folders, and those backend modules add through
// `appCenterTaskKindsExtensionPoint`). Kinds live with their concern (deploy/kinds/ ...), not here.
export { createTaskEngine } from './createTaskEngine';
export { DatabaseTaskStore } from './DatabaseTaskStore';
export { TaskKinds } from './TaskKinds';
export { TaskService, TASK_SIGNAL_CHANNEL } from './TaskService';
export type { TaskRequest } from './TaskService';
export { TaskWorker } from './TaskWorker';
export * from './types';
