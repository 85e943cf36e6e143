import { useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/frontend-plugin-api';
import { Progress } from '@backstage/core-components';
import type { Task } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { errorMessage } from '../common';
import { TaskStatusChip, isActive } from '../AppStatus';
import { TaskSteps } from './TaskSteps';
import { formatDuration } from './time';
import { useLiveTask } from './useLiveTask';

export interface TaskProgressProps {
  taskId: string;
  /** The task as the request that started it answered, shown until the first read. */
  initial?: Task;
  /** Called once when the task reaches succeeded, failed or cancelled. */
  onFinished?(task: Task): void;
}

/** Ticks every second while `on`, so running durations grow. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return on ? now : Date.now();
}

function target(task: Task): string {
  const where = [task.project, task.environment].filter(Boolean).join('/');
  return task.apps.length ? `${where}: ${task.apps.join(', ')}` : where;
}

/**
 * A task shown live: status, each step with its icon, message and duration, the error, and a Cancel
 * button while it may still be stopped (the backend says who may: its refusal is shown).
 */
export const TaskProgress = (props: TaskProgressProps) => {
  const { taskId, onFinished } = props;
  const api = useApi(appCenterApiRef);
  const { task, error, setTask } = useLiveTask(taskId, props.initial);
  const [cancelError, setCancelError] = useState<string>();
  const [cancelling, setCancelling] = useState(false);
  const active = isActive(task?.status);
  const now = useNow(active);
  const reported = useRef(false);

  useEffect(() => {
    if (task && !isActive(task.status) && !reported.current) {
      reported.current = true;
      onFinished?.(task);
    }
  }, [task, onFinished]);

  if (!task) {
    return error ? (
      <Alert severity="error">
        Could not read task {taskId}: {errorMessage(error)}
      </Alert>
    ) : (
      <Progress />
    );
  }

  const cancel = async () => {
    setCancelling(true);
    setCancelError(undefined);
    try {
      setTask(await api.cancelTask(task.id));
    } catch (e) {
      setCancelError(errorMessage(e));
    } finally {
      setCancelling(false);
    }
  };

  const done = task.steps.filter(s => !isActive(s.status)).length;
  const started = task.startedAt ?? task.createdAt;
  return (
    <Box aria-label={`Task ${task.id}`} role="region">
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        <TaskStatusChip status={task.status} />
        <Typography variant="subtitle2">
          {task.kind} · {target(task)}
        </Typography>
        <Box flexGrow={1} />
        <Typography variant="caption" color="textSecondary">
          {formatDuration(
            Date.parse(started),
            task.finishedAt ? Date.parse(task.finishedAt) : now,
          )}{' '}
          · by {task.requestedBy.replace(/^user:(default\/)?/, '')}
        </Typography>
        {active && (
          <Button
            size="small"
            variant="outlined"
            onClick={cancel}
            disabled={cancelling || task.cancelRequested}
          >
            {task.cancelRequested ? 'Cancelling…' : 'Cancel task'}
          </Button>
        )}
      </Box>
      {active && (
        <Box mt={1}>
          <LinearProgress
            variant={task.steps.length ? 'determinate' : 'indeterminate'}
            value={task.steps.length ? (100 * done) / task.steps.length : 0}
          />
        </Box>
      )}
      {cancelError && (
        <Box mt={1}>
          <Alert severity="warning" role="alert">
            {cancelError}
          </Alert>
        </Box>
      )}
      {task.error && (
        <Box mt={1}>
          <Alert severity={task.status === 'cancelled' ? 'info' : 'error'}>
            {task.error}
          </Alert>
        </Box>
      )}
      {error && (
        <Box mt={1}>
          <Alert severity="warning">
            Lost track of the task for a moment: {errorMessage(error)}. Still
            trying.
          </Alert>
        </Box>
      )}
      <TaskSteps steps={task.steps} now={now} />
    </Box>
  );
};
