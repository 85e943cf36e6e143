import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { Task } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { useAppCenterRead } from '../../hooks';
import { CheckboxField } from '../common';
import { ManifestEditor } from '../ManifestEditor';
import { TaskDialog } from '../TaskProgress';

/** The app's manifests in this environment: the manifest editor, saving (and syncing) as one commit. */
export const ManifestsTab = (props: {
  project: string;
  env: string;
  app: string;
  canEdit: boolean;
  reason?: string;
  onSaved(): void;
}) => {
  const { project, env, app, canEdit } = props;
  const api = useApi(appCenterApiRef);
  const files = useAppCenterRead(
    read => read.getAppFiles(project, env, app),
    [project, env, app],
  );
  const [sync, setSync] = useState(true);
  const [task, setTask] = useState<Task>();

  if (files.loading && !files.value) return <Progress />;
  if (files.error) return <ResponseErrorPanel error={files.error} />;
  if (!files.value!.files.length) {
    return (
      <EmptyState
        missing="data"
        title="No manifests"
        description={`The folder of ${app} in ${env} holds no YAML files.`}
      />
    );
  }
  return (
    <>
      <ManifestEditor
        key={files.value!.revision}
        initial={files.value!}
        store={{
          load: () => api.getAppFiles(project, env, app),
          write: change =>
            api.putAppFiles(project, env, app, {
              ...change,
              ...(sync ? { sync: true } : {}),
            }),
        }}
        canWrite={canEdit}
        filesLabel="Manifest files"
        subject={`${app} in ${env}`}
        readOnlyReason={props.reason}
        messageHint={`Describe the change to ${app} in ${env}`}
        saveOptions={
          <CheckboxField
            checked={sync}
            onChange={setSync}
            label="Sync after saving"
          />
        }
        onSaved={result => {
          props.onSaved();
          if (result.task) setTask(result.task);
        }}
      />
      {task && (
        <TaskDialog
          taskId={task.id}
          initial={task}
          title="Syncing after save"
          onClose={() => setTask(undefined)}
          onFinished={props.onSaved}
        />
      )}
    </>
  );
};
