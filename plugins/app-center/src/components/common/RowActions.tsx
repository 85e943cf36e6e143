import type { ReactNode } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import DeleteIcon from '@material-ui/icons/Delete';
import type { EntrySource } from '@internal/plugin-app-center-common';
import Typography from '@material-ui/core/Typography';

/** One icon button of a row, named for assistive technology with the row's name. */
const RowAction = (props: {
  label: string;
  name: string;
  onClick(): void;
  children: ReactNode;
}) => (
  <Tooltip title={props.label}>
    <IconButton
      size="small"
      aria-label={`${props.label} ${props.name}`}
      onClick={props.onClick}
    >
      {props.children}
    </IconButton>
  </Tooltip>
);

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
      <RowAction label={`Edit ${what}`} name={name} onClick={onEdit}>
        <EditIcon fontSize="small" />
      </RowAction>
      <RowAction label={`Delete ${what}`} name={name} onClick={onDelete}>
        <DeleteIcon fontSize="small" />
      </RowAction>
    </>
  );
};
