import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import {
  checkTagOrDigest,
  type EnvironmentApp,
  type Task,
} from '@internal/plugin-app-center-common';
import { FormDialog, FormField, useFormSubmit } from '../common';
import type { FieldErrors } from '../common';
import { TaskProgress } from '../TaskProgress';
import { useApi } from '@backstage/frontend-plugin-api';
import { appCenterApiRef } from '../../api';
import type { DeployInput } from '@internal/plugin-app-center-common';
import { AppImagesForm, deployableImages, tagKey } from './AppImagesForm';

export interface DeployDialogProps {
  project: string;
  env: string;
  /** The apps to deploy, with their manifest and running images. */
  apps: EnvironmentApp[];
  onClose(): void;
  /** Called when the deploy task has finished (to refresh lists). */
  onFinished?(task: Task): void;
}

/** The new tags chosen (only those that change the manifest), or the field errors. */
export function collectChanges(
  apps: EnvironmentApp[],
  tags: Record<string, string>,
): { changes: DeployInput['apps']; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const changes: DeployInput['apps'] = [];
  for (const app of apps) {
    const images: DeployInput['apps'][number]['images'] = [];
    for (const image of deployableImages(app)) {
      const key = tagKey(app.name, image.repository);
      const tag = tags[key]?.trim();
      if (!tag || (image.manifest.length === 1 && image.manifest[0] === tag)) {
        continue;
      }
      const problem = checkTagOrDigest(tag);
      if (problem) errors[key] = problem;
      else images.push({ image: image.repository, tag });
    }
    if (images.length) changes.push({ app: app.name, images });
  }
  return { changes, errors };
}

/**
 * Deploys new image tags to one or more apps of an environment (one commit, then each app synced), then
 * follows the task live in the same dialog.
 */
/** The field a 400 can name (`message ...`); the tag fields are checked here before sending. */
const FIELDS = ['message'] as const;

export const DeployDialog = (props: DeployDialogProps) => {
  const { project, env, apps, onClose, onFinished } = props;
  const api = useApi(appCenterApiRef);
  const [tags, setTags] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [task, setTask] = useState<Task>();
  const { errors, formError, submitting, submit, clearError } =
    useFormSubmit(FIELDS);
  const where = `${project}/${env}`;

  if (task) {
    return (
      <Dialog
        open
        onClose={onClose}
        fullWidth
        maxWidth="md"
        aria-labelledby="deploy-task-title"
      >
        <DialogTitle id="deploy-task-title">Deploying to {where}</DialogTitle>
        <DialogContent>
          <TaskProgress
            taskId={task.id}
            initial={task}
            onFinished={onFinished}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
        </DialogActions>
      </Dialog>
    );
  }

  const onSubmit = () =>
    submit(
      () => {
        const { changes, errors: found } = collectChanges(apps, tags);
        if (!changes.length && !Object.keys(found).length) {
          return { _form: 'Pick or type a new tag for at least one image.' };
        }
        return found;
      },
      async () => {
        const { changes } = collectChanges(apps, tags);
        setTask(
          await api.deploy(project, env, {
            apps: changes,
            ...(message.trim() ? { message: message.trim() } : {}),
          }),
        );
      },
    );

  const title =
    apps.length === 1
      ? `Deploy ${apps[0].name} to ${where}`
      : `Deploy ${apps.length} apps to ${where}`;
  return (
    <FormDialog
      title={title}
      submitLabel="Deploy"
      submitting={submitting}
      formError={formError ?? errors._form}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      {apps.map(app => (
        <AppImagesForm
          key={app.name}
          app={app}
          showName={apps.length > 1}
          tags={tags}
          errors={errors}
          onChange={(key, tag) => {
            setTags(prev => ({ ...prev, [key]: tag }));
            clearError(key);
            clearError('_form');
          }}
        />
      ))}
      <Box mt={2}>
        <FormField
          id="deploy-message"
          form={{ errors, clearError }}
          field="message"
          label="Message (optional)"
          help="Goes into the commit message"
          value={message}
          onChange={setMessage}
          inputProps={{ maxLength: 2000 }}
        />
      </Box>
    </FormDialog>
  );
};
