/**
 * Types, permissions, validation rules and the API contract shared by App Center's frontend and backend.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './validation';
export * from './imageReference';
export * from './appAnnotation';
export type * from './operations';
export { operationRoutes } from './generated/operationRoutes';
export type { paths, components, operations } from './generated/openapi';
