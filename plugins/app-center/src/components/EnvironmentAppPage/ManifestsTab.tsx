import { useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Task } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { errorMessage } from '../common';
import { TaskDialog } from '../TaskProgress';
import { YamlEditor } from '../common/YamlEditor';
import type { ManifestIssue } from '@internal/plugin-app-center-common';
import { isConflict, manifestIssues } from '../common/manifestErrors';

/** The app's manifests in this environment: pick a file, edit it, save (and sync) as one commit. */
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
  const alertApi = useApi(alertApiRef);
  const files = useAsyncRetry(
    () => api.getAppFiles(project, env, app),
    [api, project, env, app],
  );
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string>();
  const [sync, setSync] = useState(true);
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [task, setTask] = useState<Task>();

  useEffect(() => {
    if (!selected && files.value?.files.length)
      setSelected(files.value.files[0].path);
  }, [files.value, selected]);

  const issues = useMemo(() => manifestIssues(error), [error]);
  if (files.loading && !files.value) return <Progress />;
  if (files.error) return <ResponseErrorPanel error={files.error} />;
  const loaded = files.value!;
  if (!loaded.files.length) {
    return (
      <EmptyState
        missing="data"
        title="No manifests"
        description={`The folder of ${app} in ${env} holds no YAML files.`}
      />
    );
  }
  const original = (path: string) =>
    loaded.files.find(f => f.path === path)?.content ?? '';
  const changed = Object.entries(edits).filter(
    ([path, content]) => content !== original(path),
  );
  const current = selected ?? loaded.files[0].path;
  const issuesOf = (path: string) =>
    issues.filter((i: ManifestIssue) => i.path === path);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const result = await api.putAppFiles(project, env, app, {
        files: changed.map(([path, content]) => ({ path, content })),
        baseRevision: loaded.revision,
        ...(message.trim() ? { message: message.trim() } : {}),
        ...(sync ? { sync: true } : {}),
      });
      setEdits({});
      setMessage('');
      files.retry();
      props.onSaved();
      if (result.task) setTask(result.task);
      else {
        alertApi.post({
          message: result.committed
            ? `Saved as ${result.revision.slice(0, 8)}`
            : 'Nothing changed',
          severity: 'success',
          display: 'transient',
        });
      }
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={3}>
        <List dense aria-label="Manifest files">
          {loaded.files.map(f => (
            <ListItem
              button
              key={f.path}
              selected={f.path === current}
              onClick={() => setSelected(f.path)}
            >
              <ListItemText
                primary={`${f.path}${
                  edits[f.path] !== undefined && edits[f.path] !== f.content
                    ? ' •'
                    : ''
                }`}
                secondary={
                  issuesOf(f.path).length
                    ? `${issuesOf(f.path).length} problem(s)`
                    : undefined
                }
                secondaryTypographyProps={{ color: 'error' }}
              />
            </ListItem>
          ))}
        </List>
      </Grid>
      <Grid item xs={12} md={9}>
        {!!error && isConflict(error) && (
          <Box mb={1}>
            <Alert
              severity="warning"
              action={
                <Button
                  onClick={() => {
                    setEdits({});
                    setError(undefined);
                    files.retry();
                  }}
                >
                  Reload (drop my edits)
                </Button>
              }
            >
              Someone changed these files since you opened them:{' '}
              {errorMessage(error)}. Copy your edits, reload and apply them
              again.
            </Alert>
          </Box>
        )}
        {!!error && !isConflict(error) && (
          <Box mb={1}>
            <Alert severity="error" role="alert">
              {errorMessage(error)}
              {issues.length > 0 && (
                <ul style={{ margin: 0 }}>
                  {issues.map(i => (
                    <li
                      key={`${i.path}:${i.line}:${i.column}`}
                    >{`${i.path}:${i.line}:${i.column} ${i.message}`}</li>
                  ))}
                </ul>
              )}
            </Alert>
          </Box>
        )}
        <YamlEditor
          path={current}
          value={edits[current] ?? original(current)}
          onChange={v => setEdits(prev => ({ ...prev, [current]: v }))}
          issues={issuesOf(current)}
          readOnly={!canEdit}
        />
        <Box
          mt={1}
          display="flex"
          alignItems="center"
          gridGap={12}
          flexWrap="wrap"
        >
          <TextField
            id="manifests-commit-message"
            label="Commit message (optional)"
            value={message}
            onChange={e => setMessage(e.target.value)}
            variant="outlined"
            margin="dense"
            style={{ minWidth: 320 }}
            disabled={!canEdit}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={sync}
                onChange={e => setSync(e.target.checked)}
                disabled={!canEdit}
              />
            }
            label="Sync after saving"
          />
          <Button
            variant="contained"
            color="primary"
            disabled={!canEdit || saving || changed.length === 0}
            onClick={save}
          >
            {saving
              ? 'Saving…'
              : `Save ${changed.length || ''} file${
                  changed.length === 1 ? '' : 's'
                }`}
          </Button>
          {!canEdit && props.reason && (
            <Alert severity="info">{props.reason}</Alert>
          )}
        </Box>
      </Grid>
      {task && (
        <TaskDialog
          taskId={task.id}
          initial={task}
          title="Syncing after save"
          onClose={() => setTask(undefined)}
          onFinished={props.onSaved}
        />
      )}
    </Grid>
  );
};
