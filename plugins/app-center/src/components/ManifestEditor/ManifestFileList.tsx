import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import RestoreIcon from '@material-ui/icons/Restore';
import { shortRevision } from '../common/manifestErrors';
import type { ManifestDraft } from './useManifestDraft';

/** What happened to a file in this edit, as its chip says. */
function fileStatus(draft: ManifestDraft, path: string) {
  if (draft.deleted.has(path)) return 'deleted';
  const loaded = draft.loaded.files.find(f => f.path === path);
  if (!loaded) return 'new';
  return loaded.content !== draft.buffers.get(path) ? 'modified' : undefined;
}

/** The folder's files with their state and problem count; writers also add and delete files here. */
export function ManifestFileList(props: {
  draft: ManifestDraft;
  label: string;
  canWrite: boolean;
}) {
  const { draft, canWrite } = props;
  const [newPath, setNewPath] = useState('');
  const add = () => {
    if (draft.addFile(newPath.trim())) setNewPath('');
  };
  return (
    <>
      <Typography variant="subtitle2">Files</Typography>
      <List dense aria-label={props.label}>
        {[...draft.buffers.keys()].sort().map(p => {
          const status = fileStatus(draft, p);
          const problems = draft.issues.filter(i => i.path === p).length;
          return (
            <ListItem
              key={p}
              button
              selected={p === draft.selected}
              onClick={() => draft.select(p)}
            >
              <ListItemText
                primary={p}
                primaryTypographyProps={{
                  style: {
                    textDecoration:
                      status === 'deleted' ? 'line-through' : undefined,
                    fontFamily: 'monospace',
                  },
                }}
                secondary={
                  <>
                    {status && (
                      <Chip size="small" label={status} component="span" />
                    )}
                    {problems > 0 && (
                      <Chip
                        size="small"
                        color="secondary"
                        component="span"
                        label={`${problems} problem${
                          problems === 1 ? '' : 's'
                        }`}
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
                    aria-label={
                      draft.deleted.has(p) ? `Keep ${p}` : `Delete ${p}`
                    }
                    onClick={() => draft.toggleDelete(p)}
                  >
                    {draft.deleted.has(p) ? (
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
            id="manifest-new-file"
            size="small"
            label="New file"
            placeholder="configmap.yaml"
            value={newPath}
            onChange={e => setNewPath(e.target.value)}
            onKeyDown={e => {
              if (e.key === 'Enter') add();
            }}
          />
          <Button size="small" onClick={add} disabled={!newPath.trim()}>
            Add
          </Button>
        </Box>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        Revision {shortRevision(draft.loaded.revision)}
      </Typography>
    </>
  );
}
