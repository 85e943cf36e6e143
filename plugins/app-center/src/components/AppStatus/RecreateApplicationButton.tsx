import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { appCenterApiRef } from '../../api';
import { useReportedAction } from '../common';
import { WithReason } from './capabilities';

const LABEL = 'Recreate the Argo CD application';

/**
 * The way out of "no-application" that keeps the environment's edits: recreates the Argo CD Application
 * from what git holds, without touching the files (associating again would replace them with the template).
 */
export function RecreateApplicationButton(props: {
  project: string;
  env: string;
  app: string;
  /** Why the caller may not do it, when they may not. */
  reason?: string;
  onRecreated(): void;
}) {
  const api = useApi(appCenterApiRef);
  const { busy, error, act } = useReportedAction();
  const recreate = () =>
    act(
      () => api.recreateApplication(props.project, props.env, props.app),
      props.onRecreated,
    );
  const button = (
    <Button
      size="small"
      variant="contained"
      color="primary"
      disabled={busy || !!props.reason}
      onClick={recreate}
      style={{ whiteSpace: 'nowrap' }}
    >
      {busy ? 'Recreating…' : LABEL}
    </Button>
  );
  return (
    <Box display="inline-flex" flexDirection="column" alignItems="flex-end">
      <WithReason label={LABEL} reason={props.reason}>
        {button}
      </WithReason>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          {error}
        </Typography>
      )}
    </Box>
  );
}
