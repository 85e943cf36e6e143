import Chip from '@material-ui/core/Chip';
import CircularProgress from '@material-ui/core/CircularProgress';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';

/** The colours of Backstage's status palette, by meaning. */
export type Tone =
  | 'ok'
  | 'warning'
  | 'error'
  | 'running'
  | 'pending'
  | 'neutral';

const useStyles = makeStyles(theme => {
  const status = (theme.palette as any).status ?? {};
  const tone = (color: string | undefined) => ({
    color: color ?? theme.palette.text.secondary,
    borderColor: color ?? theme.palette.divider,
    fontWeight: 500,
  });
  return {
    ok: tone(status.ok ?? theme.palette.success?.main),
    warning: tone(status.warning ?? theme.palette.warning?.main),
    error: tone(status.error ?? theme.palette.error.main),
    running: tone(status.running ?? theme.palette.info?.main),
    pending: tone(status.pending),
    neutral: tone(undefined),
  };
});

/** A small outlined chip coloured by its tone, with an optional explanation on hover. */
export const StatusChip = (props: {
  label: string;
  tone: Tone;
  title?: string;
  busy?: boolean;
}) => {
  const classes = useStyles();
  const chip = (
    <Chip
      size="small"
      variant="outlined"
      label={props.label}
      className={classes[props.tone]}
      icon={
        props.busy ? (
          <CircularProgress size={10} color="inherit" aria-hidden />
        ) : undefined
      }
    />
  );
  return props.title ? (
    <Tooltip title={props.title}>
      <span>{chip}</span>
    </Tooltip>
  ) : (
    chip
  );
};

const SYNC_TONES: Record<string, Tone> = {
  Synced: 'ok',
  OutOfSync: 'warning',
};

/** Argo CD's sync status (Synced, OutOfSync, Unknown). */
export const SyncChip = (props: { sync?: { status: string } }) => {
  if (!props.sync) return <StatusChip label="no sync" tone="neutral" />;
  const { status } = props.sync;
  return <StatusChip label={status} tone={SYNC_TONES[status] ?? 'neutral'} />;
};

const HEALTH_TONES: Record<string, Tone> = {
  Healthy: 'ok',
  Progressing: 'running',
  Degraded: 'error',
  Missing: 'warning',
  Suspended: 'pending',
};

/** Argo CD's health status, with its message on hover. */
export const HealthChip = (props: {
  health?: { status: string; message?: string };
}) => {
  if (!props.health) return <StatusChip label="no health" tone="neutral" />;
  const { status, message } = props.health;
  return (
    <StatusChip
      label={status}
      tone={HEALTH_TONES[status] ?? 'neutral'}
      title={message}
      busy={status === 'Progressing'}
    />
  );
};

const TASK_TONES: Record<string, Tone> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'ok',
  failed: 'error',
  cancelled: 'neutral',
  skipped: 'neutral',
};

/** A task's or a step's status. */
export const TaskStatusChip = (props: { status: string; title?: string }) => (
  <StatusChip
    label={props.status}
    tone={TASK_TONES[props.status] ?? 'neutral'}
    title={props.title}
    busy={props.status === 'running'}
  />
);

/** True while a task may still change. */
export function isActive(status: string | undefined): boolean {
  return status === 'pending' || status === 'running';
}
