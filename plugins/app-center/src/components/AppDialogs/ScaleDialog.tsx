import { useState } from 'react';
import DialogContentText from '@material-ui/core/DialogContentText';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/frontend-plugin-api';
import { appCenterApiRef } from '../../api';
import { AppTaskDialogProps, TaskFormDialog } from './TaskFormDialog';

/** An integer in [min, max], or the message saying why not. */
export function checkInt(
  text: string,
  what: string,
  min: number,
  max: number,
): string | undefined {
  if (!/^\d+$/.test(text.trim())) return `${what} must be a whole number`;
  const n = Number(text);
  if (n < min || n > max) return `${what} must be between ${min} and ${max}`;
  return undefined;
}

/** Sets the replicas of the app's workload in git, then syncs. */
export const ScaleDialog = (props: AppTaskDialogProps) => {
  const { project, env, app } = props;
  const api = useApi(appCenterApiRef);
  const [replicas, setReplicas] = useState('1');
  return (
    <TaskFormDialog
      title={`Scale ${app} in ${project}/${env}`}
      submitLabel="Scale"
      fields={['replicas']}
      validate={() => ({ replicas: checkInt(replicas, 'replicas', 0, 1000) })}
      start={() => api.scaleApp(project, env, app, Number(replicas))}
      onClose={props.onClose}
      onFinished={props.onFinished}
    >
      {(errors, clearError) => (
        <>
          <DialogContentText>
            The replica count is written to the manifests in git and the app is
            synced. While an autoscaler manages the workload, scaling is
            refused: change the autoscaler instead.
          </DialogContentText>
          <TextField
            label="Replicas"
            type="number"
            value={replicas}
            onChange={e => {
              setReplicas(e.target.value);
              clearError('replicas');
            }}
            error={!!errors.replicas}
            helperText={errors.replicas}
            inputProps={{ min: 0, max: 1000 }}
            variant="outlined"
            margin="dense"
          />
        </>
      )}
    </TaskFormDialog>
  );
};
