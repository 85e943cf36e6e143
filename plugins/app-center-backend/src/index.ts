/**
 * App Center backend plugin.
 *
 * @packageDocumentation
 */
export { appCenterPlugin as default } from './plugin';
