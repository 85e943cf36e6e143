// Environment apps (DESIGN.md section 3, `envs/<env>/<app>/`): the store of an environment's copy of an app
// and its provenance, and the service that reads them together with Argo CD, associates and disassociates.
export { EnvironmentAppStore, readProvenance } from './EnvironmentAppStore';
export type { EnvironmentRef, Provenance } from './EnvironmentAppStore';
export { EnvironmentAppService } from './EnvironmentAppService';
