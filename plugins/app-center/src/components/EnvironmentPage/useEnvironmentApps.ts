import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import { isActive, useTaskSignals } from '../AppStatus';

/** An environment's definition. */
export function useEnvironment(project: string, env: string) {
  const api = useApi(appCenterApiRef);
  return useAsync(() => api.getEnvironment(project, env), [api, project, env]);
}

/** An environment's apps, reloaded when one of its tasks changes and polled while one runs. */
export function useEnvironmentApps(project: string, env: string) {
  const api = useApi(appCenterApiRef);
  const state = useAsyncRetry(
    () => api.listEnvironmentApps(project, env),
    [api, project, env],
  );
  const running = !!state.value?.platformApps.some(a =>
    isActive(a.lastTask?.status),
  );
  useTaskSignals({
    project,
    env,
    active: running,
    onChange: () => state.retry(),
  });
  return state;
}
