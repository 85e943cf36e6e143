import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { AppCenterApi, appCenterApiRef } from '../api';

/** One read of the App Center API, again whenever `deps` change; call `retry` to reload after a change. */
export function useAppCenterRead<T>(
  read: (api: AppCenterApi) => Promise<T>,
  deps: unknown[] = [],
) {
  const api = useApi(appCenterApiRef);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => read(api), [api, ...deps]);
}

/** What the signed-in user may do in App Center (`GET /access`). */
export const useAccess = () => useAppCenterRead(api => api.getAccess());

/** Choices for the admin forms (`GET /config`): the Argo CD instance names. */
export const usePortalConfig = () =>
  useAppCenterRead(api => api.getPortalConfig());

/** All tenants the user can see. */
export const useTenants = () => useAppCenterRead(api => api.listTenants());

/** All projects the user can see. */
export const useProjects = () => useAppCenterRead(api => api.listProjects());

/** The environments of one project (nothing while no project is chosen). */
export const useEnvironments = (project: string | undefined) =>
  useAppCenterRead(
    async api => (project ? api.listEnvironments(project) : []),
    [project],
  );
