import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import DeleteIcon from '@material-ui/icons/Delete';
import type { EntrySource } from '@internal/plugin-app-center-common';
import Typography from '@material-ui/core/Typography';

/** Edit and delete buttons of a table row; entries from app-config are read-only and get none. */
export const RowActions = (props: {
  what: string;
  name: string;
  source: EntrySource;
  onEdit(): void;
  onDelete(): void;
}) => {
  const { what, name, source, onEdit, onDelete } = props;
  if (source === 'config') {
    return (
      <Tooltip title="Managed in app-config: change it there">
        <Typography variant="caption" color="textSecondary">
          read-only
        </Typography>
      </Tooltip>
    );
  }
  return (
    <>
      <Tooltip title={`Edit ${what}`}>
        <IconButton
          size="small"
          aria-label={`Edit ${what} ${name}`}
          onClick={onEdit}
        >
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title={`Delete ${what}`}>
        <IconButton
          size="small"
          aria-label={`Delete ${what} ${name}`}
          onClick={onDelete}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </>
  );
};
