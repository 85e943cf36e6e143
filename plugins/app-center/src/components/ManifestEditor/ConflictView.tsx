import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { shortRevision } from '../common/manifestErrors';
import { YamlEditor } from '../common/YamlEditor';
import type { Conflict } from './useManifestDraft';

/** A save refused with 409: what happened, and the way out (re-apply my edit on theirs, or drop it). */
export function ConflictNotice(props: {
  conflict: Conflict;
  subject: string;
  onReapply(): void;
  onDiscard(): void;
}) {
  const { conflict } = props;
  return (
    <Alert severity="warning" style={{ marginBottom: 16 }} role="alert">
      <Typography variant="body2" gutterBottom>
        Someone else changed {conflict.files.join(', ') || 'these files'} after
        you opened them (you started from {shortRevision(conflict.baseRevision)}
        , {props.subject} is now at {shortRevision(conflict.headRevision)}).
        Nothing was saved. Compare both versions, then reload and re-apply your
        edit, or drop it.
      </Typography>
      <Button
        size="small"
        variant="contained"
        color="primary"
        onClick={props.onReapply}
      >
        Reload and re-apply my edit
      </Button>{' '}
      <Button size="small" onClick={props.onDiscard}>
        Drop my edit
      </Button>
    </Alert>
  );
}

/** One file of a 409 side by side: their version (now in git) and mine (not saved). */
export function ConflictCompare(props: {
  path: string;
  headRevision: string;
  theirs: string;
  mine: string;
}) {
  return (
    <Grid container spacing={1}>
      <Grid item xs={12} lg={6}>
        <Typography variant="subtitle2">
          Theirs (now at {shortRevision(props.headRevision)})
        </Typography>
        <YamlEditor
          path={`${props.path} (theirs)`}
          value={props.theirs}
          readOnly
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <Typography variant="subtitle2">Yours (not saved)</Typography>
        <YamlEditor
          path={`${props.path} (yours)`}
          value={props.mine}
          readOnly
        />
      </Grid>
    </Grid>
  );
}
