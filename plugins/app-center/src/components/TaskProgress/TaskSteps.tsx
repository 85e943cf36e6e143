import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CircularProgress from '@material-ui/core/CircularProgress';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import BlockIcon from '@material-ui/icons/Block';
import RedoIcon from '@material-ui/icons/Redo';
import { makeStyles } from '@material-ui/core/styles';
import type { TaskStep } from '@internal/plugin-app-center-common';
import { formatDuration } from './time';

const useStyles = makeStyles(theme => ({
  ok: {
    color: (theme.palette as any).status?.ok ?? theme.palette.success?.main,
  },
  error: { color: theme.palette.error.main },
  muted: { color: theme.palette.text.disabled },
  message: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  app: { fontWeight: 600, marginRight: theme.spacing(1) },
}));

const StepIcon = ({ status }: { status: TaskStep['status'] }) => {
  const classes = useStyles();
  switch (status) {
    case 'succeeded':
      return <CheckCircleIcon className={classes.ok} titleAccess="succeeded" />;
    case 'failed':
      return <ErrorIcon className={classes.error} titleAccess="failed" />;
    case 'running':
      return <CircularProgress size={20} aria-label="running" />;
    case 'cancelled':
      return <BlockIcon className={classes.muted} titleAccess="cancelled" />;
    case 'skipped':
      return <RedoIcon className={classes.muted} titleAccess="skipped" />;
    default:
      return (
        <RadioButtonUncheckedIcon
          className={classes.muted}
          titleAccess="pending"
        />
      );
  }
};

/** The steps of a task in order: icon, title (and app), message, duration. */
export const TaskSteps = (props: { steps: TaskStep[]; now: number }) => {
  const classes = useStyles();
  if (props.steps.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The task has not planned its steps yet.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Task steps">
      {props.steps.map(step => {
        const duration = step.startedAt
          ? formatDuration(
              Date.parse(step.startedAt),
              step.finishedAt ? Date.parse(step.finishedAt) : props.now,
            )
          : undefined;
        return (
          <ListItem key={step.id} aria-label={`${step.title}: ${step.status}`}>
            <ListItemIcon>
              <StepIcon status={step.status} />
            </ListItemIcon>
            <ListItemText
              primary={
                <>
                  {step.app && <span className={classes.app}>{step.app}</span>}
                  {step.title}
                </>
              }
              secondary={
                <>
                  {step.message && (
                    <span className={classes.message}>{step.message}</span>
                  )}
                  {step.message && duration && ' · '}
                  {duration}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};
