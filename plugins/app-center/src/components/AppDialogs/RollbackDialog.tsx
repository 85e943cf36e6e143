import { useState } from 'react';
import Box from '@material-ui/core/Box';
import DialogContentText from '@material-ui/core/DialogContentText';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/frontend-plugin-api';
import { Progress } from '@backstage/core-components';
import { appCenterApiRef } from '../../api';
import { useAppCenterRead } from '../../hooks';
import type { DeployHistoryEntry } from '@internal/plugin-app-center-common';
import { errorMessage } from '../common';
import { formatAgo } from '../TaskProgress';
import { AppTaskDialogProps, TaskFormDialog } from './TaskFormDialog';
import { ImageChangesTable } from './ImageChangesTable';
import { previewRollback } from './rollbackPreview';

function label(record: DeployHistoryEntry, current: boolean): string {
  const when = record.deployedAt
    ? formatAgo(record.deployedAt)
    : 'unknown time';
  const what = record.message ? ` · ${record.message.split('\n')[0]}` : '';
  return `${record.revision.slice(0, 8)} · ${when}${what}${
    current ? ' (current)' : ''
  }`;
}

/**
 * Rolls an app back to a deployed revision: pick it from the history, see how the images change, confirm;
 * the app's folder is restored as it was at that revision, committed and synced.
 */
export const RollbackDialog = (
  props: AppTaskDialogProps & {
    /** The images written in git now. */
    currentImages: string[];
  },
) => {
  const { project, env, app, currentImages } = props;
  const api = useApi(appCenterApiRef);
  const history = useAppCenterRead(
    read => read.getAppHistory(project, env, app),
    [project, env, app],
  );
  const [revision, setRevision] = useState<string>();
  const records = history.value ?? [];
  const chosen = records.find(r => r.revision === revision);

  return (
    <TaskFormDialog
      title={`Roll back ${app} in ${project}/${env}`}
      submitLabel="Roll back"
      validate={() =>
        revision ? {} : { revision: 'Pick the revision to roll back to' }
      }
      start={() => api.rollbackApp(project, env, app, revision!)}
      onClose={props.onClose}
      onFinished={props.onFinished}
    >
      {errors => {
        if (history.loading) return <Progress />;
        if (history.error) {
          return (
            <Alert severity="error">
              Could not load the deploy history: {errorMessage(history.error)}
            </Alert>
          );
        }
        if (records.length < 2) {
          return (
            <DialogContentText>
              There is no earlier deploy to roll back to yet.
            </DialogContentText>
          );
        }
        return (
          <>
            <DialogContentText>
              The app's folder in git is restored as it was at the chosen
              revision, committed, and synced: git and the cluster agree
              afterwards.
            </DialogContentText>
            {errors.revision && (
              <Typography color="error" variant="body2" role="alert">
                {errors.revision}
              </Typography>
            )}
            <RadioGroup
              aria-label="Revision"
              value={revision ?? ''}
              onChange={e => setRevision(e.target.value)}
            >
              {records.map((record, i) => (
                <FormControlLabel
                  key={`${record.id}-${record.revision}`}
                  value={record.revision}
                  control={<Radio size="small" />}
                  disabled={i === 0}
                  label={label(record, i === 0)}
                />
              ))}
            </RadioGroup>
            {chosen && (
              <Box mt={2}>
                <Typography variant="subtitle2">What will change</Typography>
                <ImageChangesTable
                  changes={previewRollback(currentImages, chosen.images ?? [])}
                />
              </Box>
            )}
          </>
        );
      }}
    </TaskFormDialog>
  );
};
