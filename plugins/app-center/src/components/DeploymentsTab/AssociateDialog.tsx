import { useState } from 'react';
import DialogContentText from '@material-ui/core/DialogContentText';
import { useApi } from '@backstage/frontend-plugin-api';
import type { Task } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { CheckboxField, FormDialog, useFormSubmit } from '../common';
import { TaskDialog } from '../TaskProgress';

export interface AssociateDialogProps {
  project: string;
  env: string;
  app: string;
  /** The environment already has a copy in git: offer to replace it. */
  exists: boolean;
  onClose(): void;
  /** The app is associated (at once, or when its task finished). */
  onDone(): void;
}

/** Copies the template into an environment and creates its Argo CD Application (without syncing). */
export const AssociateDialog = (props: AssociateDialogProps) => {
  const { project, env, app, exists, onClose, onDone } = props;
  const api = useApi(appCenterApiRef);
  const [overwrite, setOverwrite] = useState(false);
  const [task, setTask] = useState<Task>();
  const { formError, submitting, submit } = useFormSubmit([]);

  if (task) {
    return (
      <TaskDialog
        taskId={task.id}
        initial={task}
        title={`Associating ${app} to ${project}/${env}`}
        onFinished={onDone}
        onClose={onClose}
      />
    );
  }

  return (
    <FormDialog
      title={`Associate ${app} to ${project}/${env}?`}
      submitLabel="Associate"
      submitting={submitting}
      formError={formError}
      onClose={onClose}
      onSubmit={() =>
        submit(
          () => ({}),
          async () => {
            const result = await api.associateApp(project, env, {
              app,
              ...(overwrite ? { overwrite } : {}),
            });
            if ('steps' in result) {
              setTask(result);
            } else {
              onDone();
              onClose();
            }
          },
        )
      }
    >
      <DialogContentText>
        The template's manifests are copied to the environment's folder in git
        and an Argo CD Application is created for them. Nothing is synced yet:
        deploy afterwards to roll it out.
      </DialogContentText>
      {exists && (
        <CheckboxField
          checked={overwrite}
          onChange={setOverwrite}
          label="Replace the environment's copy with the template (files not in the template are removed)"
        />
      )}
    </FormDialog>
  );
};
