import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';

/** The message the backend pushes on `app-center:tasks` when a task changes. */
export interface TaskSignal {
  id: string;
  kind: string;
  status: string;
  project: string;
  environment?: string;
  apps?: string[];
  updatedAt?: string;
}

export const TASK_CHANNEL = 'app-center:tasks';

/**
 * Calls `onChange` when a task of the given project (and environment and app, when given) changes, as
 * pushed by Backstage signals. Without signals, or while nothing is pushed, it polls `onChange` every
 * `pollMs` while `active` is true. Returns whether signals are available.
 */
export function useTaskSignals(options: {
  project?: string;
  env?: string;
  app?: string;
  onChange(signal?: TaskSignal): void;
  /** Poll while true (e.g. while a task shown is pending or running). */
  active: boolean;
  pollMs?: number;
}): boolean {
  const { project, env, app, active } = options;
  const { lastSignal, isSignalsAvailable } = useSignal<any>(TASK_CHANNEL);
  const onChange = useRef(options.onChange);
  onChange.current = options.onChange;

  useEffect(() => {
    const signal = lastSignal as TaskSignal | null;
    if (!signal || !matches(signal, project, env, app)) return;
    onChange.current(signal);
  }, [lastSignal, project, env, app]);

  const pollMs = options.pollMs ?? (isSignalsAvailable ? 15000 : 3000);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => onChange.current(), pollMs);
    return () => clearInterval(timer);
  }, [active, pollMs]);

  return isSignalsAvailable;
}

function matches(
  signal: TaskSignal,
  project?: string,
  env?: string,
  app?: string,
): boolean {
  if (project && signal.project !== project) return false;
  if (env && signal.environment && signal.environment !== env) return false;
  if (app && signal.apps && !signal.apps.includes(app)) return false;
  return true;
}
