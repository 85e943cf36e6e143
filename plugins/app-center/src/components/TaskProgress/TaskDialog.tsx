import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import type { Task } from '@internal/plugin-app-center-common';
import { TaskProgress } from './TaskProgress';

/** A task's live progress in a dialog (e.g. the steps of an app's last task). */
export const TaskDialog = (props: {
  taskId: string;
  title?: string;
  initial?: Task;
  onFinished?(task: Task): void;
  onClose(): void;
}) => (
  <Dialog
    open
    onClose={props.onClose}
    fullWidth
    maxWidth="md"
    aria-labelledby="task-dialog-title"
  >
    <DialogTitle id="task-dialog-title">{props.title ?? 'Task'}</DialogTitle>
    <DialogContent>
      <TaskProgress
        taskId={props.taskId}
        initial={props.initial}
        onFinished={props.onFinished}
      />
    </DialogContent>
    <DialogActions>
      <Button onClick={props.onClose}>Close</Button>
    </DialogActions>
  </Dialog>
);
