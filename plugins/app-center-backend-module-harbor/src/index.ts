/**
 * App Center backend module for Harbor: image tags with push times and labels, unpublishable labels.
 *
 * @packageDocumentation
 */
export { appCenterModuleHarbor as default } from './module';
export {
  HarborRegistryProvider,
  HarborUpstreamError,
  readHarborOptions,
} from './HarborRegistryProvider';
export type { HarborInstance, HarborOptions } from './HarborRegistryProvider';
