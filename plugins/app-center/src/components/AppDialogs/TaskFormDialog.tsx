import { ReactNode, useState } from 'react';
import type { Task } from '@internal/plugin-app-center-common';
import { FieldErrors, FormDialog, useFormSubmit } from '../common';
import { TaskDialog } from '../TaskProgress';

/** What every dialog acting on one app of an environment is given. */
export interface AppTaskDialogProps {
  project: string;
  env: string;
  app: string;
  onClose(): void;
  onFinished?(task: Task): void;
}

export interface TaskFormDialogProps {
  title: string;
  submitLabel: string;
  /** Field paths a 400 may name, to show the message next to the field. */
  fields?: readonly string[];
  validate(): FieldErrors;
  /** Starts the task (the request answers 202 with it). */
  start(): Promise<Task>;
  onClose(): void;
  onFinished?(task: Task): void;
  children(errors: FieldErrors, clearError: (field: string) => void): ReactNode;
}

const NO_FIELDS: readonly string[] = [];

/** A form whose submit starts a task; the dialog then follows the task live. */
export const TaskFormDialog = (props: TaskFormDialogProps) => {
  const { title, start, validate, onClose, onFinished } = props;
  const [task, setTask] = useState<Task>();
  const { errors, formError, submitting, submit, clearError } = useFormSubmit(
    props.fields ?? NO_FIELDS,
  );
  if (task) {
    return (
      <TaskDialog
        taskId={task.id}
        initial={task}
        title={title}
        onClose={onClose}
        onFinished={onFinished}
      />
    );
  }
  return (
    <FormDialog
      title={title}
      submitLabel={props.submitLabel}
      submitting={submitting}
      formError={formError}
      onClose={onClose}
      onSubmit={() => submit(validate, async () => setTask(await start()))}
    >
      {props.children(errors, clearError)}
    </FormDialog>
  );
};
