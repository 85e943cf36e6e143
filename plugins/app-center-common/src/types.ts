import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/** @public */
export type Tenant = Schemas['Tenant'];
/** @public */
export type TenantInput = Schemas['TenantInput'];
/** @public */
export type TenantUpdate = Schemas['TenantUpdate'];
/** @public */
export type Project = Schemas['Project'];
/** @public */
export type ProjectInput = Schemas['ProjectInput'];
/** @public */
export type ProjectUpdate = Schemas['ProjectUpdate'];
/** @public */
export type Environment = Schemas['Environment'];
/** @public */
export type EnvironmentInput = Schemas['EnvironmentInput'];
/** @public */
export type EnvironmentUpdate = Schemas['EnvironmentUpdate'];
/** @public */
export type EnvironmentKind = Schemas['EnvironmentKind'];
/** @public */
export type EntrySource = Schemas['Source'];
/** @public */
export type Access = Schemas['Access'];

/** The catalog annotation that links a Component to its app: `<project>/<app>`. @public */
export const APP_ANNOTATION = 'app-center.io/app';
/** The catalog annotation that links a System to its project. @public */
export const PROJECT_ANNOTATION = 'app-center.io/project';
