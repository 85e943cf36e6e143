export {
  useAccess,
  usePortalConfig,
  useTenants,
  useProjects,
  useEnvironments,
  useAppCenterRead,
} from './useAppCenterData';
export { useCatalogGroups } from './useCatalogGroups';
export type { GroupOption } from './useCatalogGroups';
