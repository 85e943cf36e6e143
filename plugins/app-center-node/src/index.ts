/**
 * Extension points of App Center's backend plugin for backend modules.
 *
 * @packageDocumentation
 */
export * from './imageSecurity';
export * from './registry';
export * from './tasks';
export * from './upstreamErrors';
