import { FormEvent, ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';

export interface FormDialogProps {
  title: string;
  submitLabel: string;
  submitting: boolean;
  /** A message that belongs to no single field (conflicts, permission, server trouble). */
  formError?: string;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}

/** The shell every create/edit dialog shares: a form, an error line above it, cancel and submit. */
export const FormDialog = (props: FormDialogProps) => {
  const { title, submitLabel, submitting, formError, onSubmit, onClose } =
    props;
  const titleId = `${title
    .replace(/\W+/g, '-')
    .toLocaleLowerCase('en-US')}-title`;
  return (
    <Dialog
      open
      onClose={submitting ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" role="alert" style={{ marginBottom: 8 }}>
              {formError}
            </Alert>
          )}
          {props.children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
            startIcon={submitting ? <CircularProgress size={16} /> : undefined}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
