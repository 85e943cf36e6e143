/**
 * App Center frontend plugin: GitOps delivery to Kubernetes from the catalog, and its admin page.
 *
 * The default export is the plugin for the new frontend system; `@internal/plugin-app-center/legacy`
 * has the same pieces for apps on the legacy system.
 *
 * @packageDocumentation
 */
export { appCenterPlugin as default } from './plugin';
export { appCenterApiRef, AppCenterClient } from './api';
export type { AppCenterApi, PortalConfig } from './api';
