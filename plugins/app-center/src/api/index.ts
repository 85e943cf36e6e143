export { appCenterApiRef } from './AppCenterApi';
export type {
  AppCenterApi,
  LogLine,
  LogStreamQuery,
  PortalConfig,
  ResourceRef,
} from './AppCenterApi';
export { AppCenterClient } from './AppCenterClient';
