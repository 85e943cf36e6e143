export { appCenterApiRef } from './AppCenterApi';
export type { AppCenterApi, PortalConfig } from './AppCenterApi';
export { AppCenterClient } from './AppCenterClient';
