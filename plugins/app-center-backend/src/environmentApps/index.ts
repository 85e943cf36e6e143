// Environment apps (DESIGN.md section 3, `envs/<env>/<app>/`): the store of an environment's copy of an app
// and its provenance; the reader that merges git with Argo CD (EnvironmentAppReader, views.ts, applications.ts),
// associating and disassociating (EnvironmentAppAssociation), and the service that asks the access resolver
// before either.
export { EnvironmentAppStore, readProvenance } from './EnvironmentAppStore';
export type { EnvironmentRef, Provenance } from './EnvironmentAppStore';
export { EnvironmentAppService } from './EnvironmentAppService';
export { EnvironmentAppReader } from './EnvironmentAppReader';
export { EnvironmentAppAssociation } from './EnvironmentAppAssociation';
