import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import RestoreIcon from '@material-ui/icons/Restore';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  ManifestFile,
  ManifestIssue,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { errorMessage } from '../common';
import {
  manifestIssues,
  revisionConflict,
  shortRevision,
} from '../common/manifestErrors';
import { YamlEditor } from '../common/YamlEditor';

/** The files of a template as read from the backend. */
export interface LoadedFiles {
  revision: string;
  files: ManifestFile[];
}

type Conflict = {
  baseRevision: string;
  headRevision: string;
  files: string[];
  theirs: LoadedFiles;
};

const FILE_PATH =
  /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\.ya?ml$/;

const toMap = (files: ManifestFile[]) =>
  new Map(files.map(f => [f.path, f.content]));

/** What the user changed compared with the files loaded: files to write and files to delete. */
export function pendingChanges(
  loaded: ManifestFile[],
  buffers: Map<string, string>,
  deleted: Set<string>,
): { files: ManifestFile[]; deleted: string[] } {
  const before = toMap(loaded);
  const files = [...buffers.entries()]
    .filter(
      ([path, content]) => !deleted.has(path) && before.get(path) !== content,
    )
    .map(([path, content]) => ({ path, content }));
  return { files, deleted: [...deleted].filter(p => before.has(p)) };
}

/**
 * The files of a template: a file list, a YAML editor showing the backend's validation problems at their
 * line, a commit message and Save. A save based on a stale revision (someone else changed the file first)
 * shows both versions and lets the user reload and re-apply the edit, or drop it.
 */
export function TemplateEditor(props: {
  project: string;
  app: string;
  initial: LoadedFiles;
  canWrite: boolean;
  onSaved?: (revision: string) => void;
}) {
  const api = useApi(appCenterApiRef);
  const { project, app, canWrite } = props;
  const [loaded, setLoaded] = useState<LoadedFiles>(props.initial);
  const [buffers, setBuffers] = useState(() => toMap(props.initial.files));
  const [deleted, setDeleted] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | undefined>(
    props.initial.files[0]?.path,
  );
  const [message, setMessage] = useState('');
  const [newPath, setNewPath] = useState('');
  const [issues, setIssues] = useState<ManifestIssue[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [saving, setSaving] = useState(false);

  const changes = useMemo(
    () => pendingChanges(loaded.files, buffers, deleted),
    [loaded, buffers, deleted],
  );
  const dirty = changes.files.length + changes.deleted.length > 0;
  const loadedPaths = new Set(loaded.files.map(f => f.path));
  const paths = [...buffers.keys()].sort();
  const status = (path: string) => {
    if (deleted.has(path)) return 'deleted';
    if (!loadedPaths.has(path)) return 'new';
    return loaded.files.find(f => f.path === path)?.content !==
      buffers.get(path)
      ? 'modified'
      : undefined;
  };
  const issuesOf = (path: string) => issues.filter(i => i.path === path);

  const reset = (
    files: LoadedFiles,
    keep?: Map<string, string>,
    keepDeleted?: Set<string>,
  ) => {
    setLoaded(files);
    setBuffers(keep ?? toMap(files.files));
    setDeleted(keepDeleted ?? new Set());
    if (!keep)
      setSelected(s =>
        files.files.some(f => f.path === s) ? s : files.files[0]?.path,
      );
  };

  const save = async () => {
    setSaving(true);
    setError(undefined);
    setNotice(undefined);
    setIssues([]);
    try {
      const result = await api.putTemplateFiles(project, app, {
        files: changes.files,
        deleted: changes.deleted,
        baseRevision: loaded.revision,
        message: message.trim() || undefined,
      });
      const fresh = await api.getTemplateFiles(project, app);
      reset(fresh);
      setMessage('');
      setConflict(undefined);
      setNotice(
        result.committed
          ? `Saved as ${shortRevision(result.revision)}`
          : 'Nothing changed: no commit made',
      );
      props.onSaved?.(result.revision);
    } catch (e) {
      const found = manifestIssues(e);
      const stale = revisionConflict(e);
      if (found.length) {
        setIssues(found);
        if (!found.some(i => i.path === selected)) setSelected(found[0].path);
        setError(
          `The manifests have ${found.length} problem${
            found.length === 1 ? '' : 's'
          }; nothing was saved.`,
        );
      } else if (stale) {
        try {
          const theirs = await api.getTemplateFiles(project, app);
          setConflict({ ...stale, theirs });
          setSelected(stale.files[0] ?? selected);
        } catch (reloadError) {
          setError(errorMessage(reloadError));
        }
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  /** Takes the files as they are now and puts the user's edits back on top of them. */
  const reapply = () => {
    if (!conflict) return;
    const mine = new Map(toMap(conflict.theirs.files));
    for (const f of changes.files) mine.set(f.path, f.content);
    const stillThere = new Set(
      changes.deleted.filter(p =>
        conflict.theirs.files.some(f => f.path === p),
      ),
    );
    for (const p of stillThere)
      mine.set(p, conflict.theirs.files.find(f => f.path === p)!.content);
    reset(conflict.theirs, mine, stillThere);
    setConflict(undefined);
    setNotice(
      `Reloaded at ${shortRevision(
        conflict.theirs.revision,
      )} with your edit re-applied: check it and save again.`,
    );
  };

  const discard = () => {
    if (!conflict) return;
    reset(conflict.theirs);
    setConflict(undefined);
    setNotice(
      `Reloaded at ${shortRevision(
        conflict.theirs.revision,
      )}; your edit was dropped.`,
    );
  };

  const addFile = () => {
    const p = newPath.trim();
    if (!FILE_PATH.test(p)) {
      setError(
        `"${p}" is not a manifest path: use letters, digits, "-", "_", "." and "/", ending in .yaml or .yml`,
      );
      return;
    }
    if (buffers.has(p)) {
      setError(`${p} exists already`);
      return;
    }
    setError(undefined);
    setBuffers(new Map(buffers).set(p, ''));
    setSelected(p);
    setNewPath('');
  };

  const toggleDelete = (p: string) => {
    const next = new Set(deleted);
    if (!loadedPaths.has(p)) {
      const b = new Map(buffers);
      b.delete(p);
      setBuffers(b);
      if (selected === p) setSelected(paths.find(x => x !== p));
      return;
    }
    if (next.has(p)) next.delete(p);
    else next.add(p);
    setDeleted(next);
  };

  const theirsOf = (p: string) =>
    conflict?.theirs.files.find(f => f.path === p)?.content;
  const showBoth = (p: string) =>
    !!conflict && conflict.files.includes(p) && theirsOf(p) !== undefined;

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={3}>
        <Typography variant="subtitle2">Files</Typography>
        <List dense aria-label="Template files">
          {paths.map(p => {
            const s = status(p);
            return (
              <ListItem
                key={p}
                button
                selected={p === selected}
                onClick={() => setSelected(p)}
              >
                <ListItemText
                  primary={p}
                  primaryTypographyProps={{
                    style: {
                      textDecoration:
                        s === 'deleted' ? 'line-through' : undefined,
                      fontFamily: 'monospace',
                    },
                  }}
                  secondary={
                    <>
                      {s && <Chip size="small" label={s} component="span" />}
                      {issuesOf(p).length > 0 && (
                        <Chip
                          size="small"
                          color="secondary"
                          component="span"
                          label={`${issuesOf(p).length} problems`}
                        />
                      )}
                    </>
                  }
                />
                {canWrite && (
                  <ListItemSecondaryAction>
                    <IconButton
                      edge="end"
                      size="small"
                      aria-label={deleted.has(p) ? `Keep ${p}` : `Delete ${p}`}
                      onClick={() => toggleDelete(p)}
                    >
                      {deleted.has(p) ? (
                        <RestoreIcon fontSize="small" />
                      ) : (
                        <DeleteIcon fontSize="small" />
                      )}
                    </IconButton>
                  </ListItemSecondaryAction>
                )}
              </ListItem>
            );
          })}
        </List>
        {canWrite && (
          <Box display="flex" alignItems="center">
            <TextField
              id="template-new-file"
              size="small"
              label="New file"
              placeholder="configmap.yaml"
              value={newPath}
              onChange={e => setNewPath(e.target.value)}
              onKeyDown={e => {
                if (e.key === 'Enter') addFile();
              }}
            />
            <Button size="small" onClick={addFile} disabled={!newPath.trim()}>
              Add
            </Button>
          </Box>
        )}
        <Typography variant="caption" color="textSecondary" component="p">
          Revision {shortRevision(loaded.revision)}
        </Typography>
      </Grid>
      <Grid item xs={12} md={9}>
        {conflict && (
          <Alert severity="warning" style={{ marginBottom: 16 }} role="alert">
            <Typography variant="body2" gutterBottom>
              Someone else changed {conflict.files.join(', ') || 'these files'}{' '}
              after you opened them (you started from{' '}
              {shortRevision(conflict.baseRevision)}, the template is now at{' '}
              {shortRevision(conflict.headRevision)}). Nothing was saved.
              Compare both versions, then reload and re-apply your edit, or drop
              it.
            </Typography>
            <Button
              size="small"
              variant="contained"
              color="primary"
              onClick={reapply}
            >
              Reload and re-apply my edit
            </Button>{' '}
            <Button size="small" onClick={discard}>
              Drop my edit
            </Button>
          </Alert>
        )}
        {error && (
          <Alert severity="error" style={{ marginBottom: 16 }} role="alert">
            {error}
          </Alert>
        )}
        {notice && (
          <Alert severity="success" style={{ marginBottom: 16 }}>
            {notice}
          </Alert>
        )}
        {selected && buffers.has(selected) && showBoth(selected) && (
          <Grid container spacing={1}>
            <Grid item xs={12} lg={6}>
              <Typography variant="subtitle2">
                Theirs (now at {shortRevision(conflict!.headRevision)})
              </Typography>
              <YamlEditor
                path={`${selected} (theirs)`}
                value={theirsOf(selected)!}
                readOnly
              />
            </Grid>
            <Grid item xs={12} lg={6}>
              <Typography variant="subtitle2">Yours (not saved)</Typography>
              <YamlEditor
                path={`${selected} (yours)`}
                value={buffers.get(selected)!}
                readOnly
              />
            </Grid>
          </Grid>
        )}
        {selected && buffers.has(selected) && !showBoth(selected) && (
          <YamlEditor
            path={selected}
            value={buffers.get(selected)!}
            readOnly={!canWrite || deleted.has(selected)}
            issues={issuesOf(selected)}
            onChange={v => setBuffers(new Map(buffers).set(selected, v))}
          />
        )}
        {!(selected && buffers.has(selected)) && (
          <Typography color="textSecondary">
            Pick a file on the left.
          </Typography>
        )}
        {canWrite && !conflict && (
          <Box mt={2} display="flex" alignItems="flex-start">
            <TextField
              id="template-commit-message"
              fullWidth
              size="small"
              variant="outlined"
              label="Commit message"
              placeholder={`Describe the change to ${app}`}
              value={message}
              onChange={e => setMessage(e.target.value)}
              inputProps={{ maxLength: 2000 }}
            />
            <Box ml={1}>
              <Button
                variant="contained"
                color="primary"
                onClick={save}
                disabled={!dirty || saving}
              >
                {saving ? 'Saving…' : 'Save'}
              </Button>
            </Box>
          </Box>
        )}
        {!canWrite && (
          <Typography variant="caption" color="textSecondary">
            Read only: tenant admins edit templates.
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
