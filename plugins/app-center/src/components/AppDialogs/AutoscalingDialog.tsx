import { useState } from 'react';
import Box from '@material-ui/core/Box';
import DialogContentText from '@material-ui/core/DialogContentText';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/frontend-plugin-api';
import type { AutoscalingInput } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import type { FieldErrors } from '../common';
import { checkInt } from './ScaleDialog';
import { AppTaskDialogProps, TaskFormDialog } from './TaskFormDialog';

interface Values {
  minReplicas: string;
  maxReplicas: string;
  cpuUtilization: string;
  memoryUtilization: string;
}

/** Field errors of the autoscaler form: 1 <= min <= max, utilisations in 1..100 or empty, one at least. */
export function checkAutoscaling(v: Values): FieldErrors {
  const errors: FieldErrors = {
    minReplicas: checkInt(v.minReplicas, 'minReplicas', 1, 1000),
    maxReplicas: checkInt(v.maxReplicas, 'maxReplicas', 1, 1000),
    cpuUtilization: v.cpuUtilization
      ? checkInt(v.cpuUtilization, 'cpuUtilization', 1, 100)
      : undefined,
    memoryUtilization: v.memoryUtilization
      ? checkInt(v.memoryUtilization, 'memoryUtilization', 1, 100)
      : undefined,
  };
  if (
    !errors.minReplicas &&
    !errors.maxReplicas &&
    Number(v.minReplicas) > Number(v.maxReplicas)
  ) {
    errors.maxReplicas = 'maxReplicas must be at least minReplicas';
  }
  if (!v.cpuUtilization && !v.memoryUtilization) {
    errors.cpuUtilization = 'set a CPU or a memory target (or both)';
  }
  return errors;
}

function toInput(v: Values): AutoscalingInput {
  return {
    minReplicas: Number(v.minReplicas),
    maxReplicas: Number(v.maxReplicas),
    ...(v.cpuUtilization ? { cpuUtilization: Number(v.cpuUtilization) } : {}),
    ...(v.memoryUtilization
      ? { memoryUtilization: Number(v.memoryUtilization) }
      : {}),
  };
}

const FIELDS = [
  'minReplicas',
  'maxReplicas',
  'cpuUtilization',
  'memoryUtilization',
] as const;

const LABELS: Record<(typeof FIELDS)[number], string> = {
  minReplicas: 'Min replicas',
  maxReplicas: 'Max replicas',
  cpuUtilization: 'CPU target (%)',
  memoryUtilization: 'Memory target (%)',
};

/** Writes (or removes) a HorizontalPodAutoscaler next to the workload, then syncs. */
export const AutoscalingDialog = (props: AppTaskDialogProps) => {
  const { project, env, app } = props;
  const api = useApi(appCenterApiRef);
  const [mode, setMode] = useState<'set' | 'remove'>('set');
  const [values, setValues] = useState<Values>({
    minReplicas: '1',
    maxReplicas: '3',
    cpuUtilization: '80',
    memoryUtilization: '',
  });
  return (
    <TaskFormDialog
      title={`Autoscaling of ${app} in ${project}/${env}`}
      submitLabel={mode === 'set' ? 'Save autoscaler' : 'Remove autoscaler'}
      fields={FIELDS}
      validate={() => (mode === 'set' ? checkAutoscaling(values) : {})}
      start={() =>
        mode === 'set'
          ? api.setAutoscaling(project, env, app, toInput(values))
          : api.removeAutoscaling(project, env, app)
      }
      onClose={props.onClose}
      onFinished={props.onFinished}
    >
      {(errors, clearError) => (
        <>
          <DialogContentText>
            An autoscaling/v2 HorizontalPodAutoscaler is written next to the
            workload in git and the app is synced; removing it deletes the file
            and syncs with prune.
          </DialogContentText>
          <RadioGroup
            row
            value={mode}
            onChange={e => setMode(e.target.value as 'set' | 'remove')}
          >
            <FormControlLabel value="set" control={<Radio />} label="Set" />
            <FormControlLabel
              value="remove"
              control={<Radio />}
              label="Remove"
            />
          </RadioGroup>
          {mode === 'set' && (
            <Box display="flex" flexWrap="wrap" gridGap={12}>
              {FIELDS.map(field => (
                <TextField
                  key={field}
                  id={`autoscaling-${field}`}
                  label={LABELS[field]}
                  type="number"
                  value={values[field]}
                  onChange={e => {
                    const text = e.target.value;
                    setValues(prev => ({ ...prev, [field]: text }));
                    clearError(field);
                  }}
                  error={!!errors[field]}
                  helperText={errors[field]}
                  variant="outlined"
                  margin="dense"
                />
              ))}
            </Box>
          )}
        </>
      )}
    </TaskFormDialog>
  );
};
