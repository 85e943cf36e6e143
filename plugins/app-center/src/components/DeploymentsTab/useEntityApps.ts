import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import { isActive, useTaskSignals } from '../AppStatus';

/**
 * The Deployments tab's data (`GET /entity-apps`), reloaded when a task of the app changes (signals), and
 * polled while one of its last tasks is still running.
 */
export function useEntityApps(entityRef: string) {
  const api = useApi(appCenterApiRef);
  const state = useAsyncRetry(
    () => api.getEntityApps(entityRef),
    [api, entityRef],
  );
  const value = state.value;
  const running = !!value?.environments.some(e =>
    isActive(e.app?.lastTask?.status),
  );
  useTaskSignals({
    project: value?.project,
    app: value?.app,
    active: running,
    onChange: () => state.retry(),
  });
  return state;
}
