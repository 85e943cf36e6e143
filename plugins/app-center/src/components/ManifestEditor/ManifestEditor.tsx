import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { ManifestWriteResult } from '@internal/plugin-app-center-common';
import { YamlEditor } from '../common/YamlEditor';
import { ConflictCompare, ConflictNotice } from './ConflictView';
import type { LoadedFiles } from './draft';
import { ManifestFileList } from './ManifestFileList';
import { ManifestStore, useManifestDraft } from './useManifestDraft';

/**
 * The one editor of a folder of manifests (a template, or an app's copy in an environment): a file list,
 * a YAML editor showing the backend's problems once each, at their line, a commit message and Save. A save
 * from a stale revision (409) shows both versions and lets the user reload and re-apply the edit, or drop it.
 */
export function ManifestEditor<R extends ManifestWriteResult>(props: {
  initial: LoadedFiles;
  store: ManifestStore<R>;
  canWrite: boolean;
  /** Names the file list for assistive technology, e.g. "Template files". */
  filesLabel: string;
  /** What the files belong to, in "… is now at <revision>", e.g. "the template". */
  subject: string;
  /** Said instead of the save controls to people who may not write. */
  readOnlyReason?: string;
  /** Placeholder of the commit message. */
  messageHint?: string;
  /** More choices next to Save (e.g. sync after saving). */
  saveOptions?: ReactNode;
  onSaved?: (result: R) => void;
}) {
  const { canWrite } = props;
  const draft = useManifestDraft(props.initial, props.store, props.onSaved);
  const { selected, conflict } = draft;
  const content =
    selected === undefined ? undefined : draft.buffers.get(selected);
  const theirs = conflict?.theirs.files.find(f => f.path === selected)?.content;
  const compare =
    !!conflict && conflict.files.includes(selected!) && theirs !== undefined;

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={3}>
        <ManifestFileList
          draft={draft}
          label={props.filesLabel}
          canWrite={canWrite}
        />
      </Grid>
      <Grid item xs={12} md={9}>
        {conflict && (
          <ConflictNotice
            conflict={conflict}
            subject={props.subject}
            onReapply={draft.reapply}
            onDiscard={draft.discard}
          />
        )}
        {draft.error && (
          <Alert severity="error" style={{ marginBottom: 16 }} role="alert">
            {draft.error}
          </Alert>
        )}
        {draft.notice && (
          <Alert severity="success" style={{ marginBottom: 16 }}>
            {draft.notice}
          </Alert>
        )}
        {content !== undefined && compare && (
          <ConflictCompare
            path={selected!}
            headRevision={conflict!.headRevision}
            theirs={theirs!}
            mine={content}
          />
        )}
        {content !== undefined && !compare && (
          <YamlEditor
            path={selected!}
            value={content}
            readOnly={!canWrite || draft.deleted.has(selected!)}
            issues={draft.issues.filter(i => i.path === selected)}
            onChange={v => draft.edit(selected!, v)}
          />
        )}
        {content === undefined && (
          <Typography color="textSecondary">
            Pick a file on the left.
          </Typography>
        )}
        {canWrite && !conflict && (
          <Box mt={2} display="flex" alignItems="center" flexWrap="wrap">
            <Box flex={1} minWidth={280}>
              <TextField
                id="manifest-commit-message"
                fullWidth
                size="small"
                variant="outlined"
                label="Commit message"
                placeholder={props.messageHint}
                value={draft.message}
                onChange={e => draft.setMessage(e.target.value)}
                inputProps={{ maxLength: 2000 }}
              />
            </Box>
            {props.saveOptions && <Box ml={2}>{props.saveOptions}</Box>}
            <Box ml={1}>
              <Button
                variant="contained"
                color="primary"
                onClick={draft.save}
                disabled={!draft.dirty || draft.saving}
              >
                {draft.saving ? 'Saving…' : 'Save'}
              </Button>
            </Box>
          </Box>
        )}
        {!canWrite && props.readOnlyReason && (
          <Typography variant="caption" color="textSecondary">
            {props.readOnlyReason}
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
