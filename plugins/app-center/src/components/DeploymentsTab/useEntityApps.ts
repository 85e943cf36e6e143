import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import { isActive, useTaskSignals } from '../AppStatus';

/**
 * The Deployments tab's data (`GET /entity-apps`), reloaded when a task of the app changes (signals), and
 * polled while one of its last tasks is still running or an environment is still converging: Argo CD can
 * report OutOfSync or Progressing for a while after a deploy finished (its comparison, or pods, catching up).
 */
export function useEntityApps(entityRef: string) {
  const api = useApi(appCenterApiRef);
  const state = useAsyncRetry(
    () => api.getEntityApps(entityRef),
    [api, entityRef],
  );
  const value = state.value;
  const running = !!value?.environments.some(
    e =>
      isActive(e.app?.lastTask?.status) ||
      (e.app?.state === 'associated' &&
        (e.app.sync?.status === 'OutOfSync' ||
          e.app.health?.status === 'Progressing')),
  );
  useTaskSignals({
    project: value?.project,
    app: value?.app,
    active: running,
    onChange: () => state.retry(),
  });
  return state;
}
