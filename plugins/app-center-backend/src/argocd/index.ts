export { ArgoCDClient, ArgoCDInstances } from './ArgoCDClient';
export type { ArgoCDClientOptions, ArgoCDInstanceConfig } from './ArgoCDClient';
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
