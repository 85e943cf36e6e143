export { ArgoCDClient } from './ArgoCDClient';
export { ArgoCDInstances } from './ArgoCDInstances';
export type {
  ArgoCDClientOptions,
  ArgoCDInstanceConfig,
} from './ArgoCDTransport';
export { ArgoCDUpstreamError } from './errors';
export {
  applicationName,
  buildApplication,
  environmentSelector,
  isManaged,
  LABELS,
  MANAGED_BY,
  RESOURCES_FINALIZER,
} from './applicationName';
export type * from './types';
