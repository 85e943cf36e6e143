import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useReportedAction } from './useBusyAction';

export interface ConfirmDeleteDialogProps {
  title: string;
  children: ReactNode;
  /** Performs the deletion; a rejection (e.g. 409 "tenant has projects") is shown in the dialog. */
  onConfirm(): Promise<void>;
  onDeleted(): void;
  onClose(): void;
}

/** Asks before deleting and keeps the dialog open with the server's reason when it refuses. */
export const ConfirmDeleteDialog = (props: ConfirmDeleteDialogProps) => {
  const { title, onConfirm, onDeleted, onClose } = props;
  const { busy, error, act } = useReportedAction();
  const confirm = () => act(onConfirm, onDeleted);

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="confirm-delete-title"
    >
      <DialogTitle id="confirm-delete-title">{title}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" role="alert" style={{ marginBottom: 8 }}>
            {error}
          </Alert>
        )}
        <DialogContentText component="div">{props.children}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          onClick={confirm}
          disabled={busy}
          variant="contained"
          color="secondary"
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
};
