export {
  useAccess,
  usePortalConfig,
  useTenants,
  useProjects,
  useEnvironments,
} from './useAppCenterData';
export { useCatalogGroups } from './useCatalogGroups';
export type { GroupOption } from './useCatalogGroups';
