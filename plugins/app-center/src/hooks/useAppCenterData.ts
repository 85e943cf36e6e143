import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../api';

/** What the signed-in user may do in App Center (`GET /access`). */
export function useAccess() {
  const api = useApi(appCenterApiRef);
  return useAsync(() => api.getAccess(), [api]);
}

/** Choices for the admin forms (`GET /config`): the Argo CD instance names. */
export function usePortalConfig() {
  const api = useApi(appCenterApiRef);
  return useAsync(() => api.getPortalConfig(), [api]);
}

/** All tenants the user can see; call `retry` to reload after a change. */
export function useTenants() {
  const api = useApi(appCenterApiRef);
  return useAsyncRetry(() => api.listTenants(), [api]);
}

/** All projects the user can see; call `retry` to reload after a change. */
export function useProjects() {
  const api = useApi(appCenterApiRef);
  return useAsyncRetry(() => api.listProjects(), [api]);
}

/** The environments of one project (nothing while no project is chosen). */
export function useEnvironments(project: string | undefined) {
  const api = useApi(appCenterApiRef);
  return useAsyncRetry(
    async () => (project ? api.listEnvironments(project) : []),
    [api, project],
  );
}
