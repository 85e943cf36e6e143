import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import type { EnvironmentApp } from '@internal/plugin-app-center-common';
import { TaskStatusChip } from '../AppStatus';
import { TaskDialog } from './TaskDialog';
import { formatAgo } from './time';

/** An app's last task: status, kind and when; a link opens its steps, live. */
export const LastTaskCell = (props: {
  lastTask?: EnvironmentApp['lastTask'];
  onFinished?(): void;
}) => {
  const [open, setOpen] = useState(false);
  const task = props.lastTask;
  if (!task?.id) {
    return (
      <Typography variant="caption" color="textSecondary">
        none
      </Typography>
    );
  }
  return (
    <Box display="flex" alignItems="center" gridGap={6} flexWrap="wrap">
      <TaskStatusChip status={task.status ?? 'unknown'} />
      <Link
        component="button"
        variant="body2"
        onClick={() => setOpen(true)}
        aria-label={`Steps of the last task, ${task.kind ?? 'task'} ${
          task.status ?? ''
        }`}
      >
        {task.kind ?? 'task'}
      </Link>
      <Typography variant="caption" color="textSecondary">
        {formatAgo(task.createdAt)}
      </Typography>
      {open && (
        <TaskDialog
          taskId={task.id}
          title={`Last task: ${task.kind ?? task.id}`}
          onClose={() => setOpen(false)}
          onFinished={props.onFinished}
        />
      )}
    </Box>
  );
};
