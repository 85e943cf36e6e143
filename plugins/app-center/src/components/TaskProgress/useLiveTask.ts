import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import type { Task } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { isActive, useTaskSignals } from '../AppStatus';

/**
 * One task kept up to date: re-read when a signal names it, and polled while it is pending or running
 * (every few seconds without signals, as a safety net with them). `initial` (e.g. the 202 answer of
 * the request that started it) is shown at once.
 */
export function useLiveTask(id: string, initial?: Task) {
  const api = useApi(appCenterApiRef);
  const [task, setTask] = useState<Task | undefined>(initial);
  const [error, setError] = useState<Error>();
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const refresh = useCallback(async () => {
    try {
      const next = await api.getTask(id);
      if (!mounted.current) return;
      setTask(next);
      setError(undefined);
    } catch (e) {
      if (mounted.current) setError(e as Error);
    }
  }, [api, id]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const signals = useTaskSignals({
    project: task?.project,
    active: !task || isActive(task.status),
    onChange: signal => {
      if (!signal || signal.id === id) refresh();
    },
  });

  return { task, error, refresh, setTask, signals };
}
