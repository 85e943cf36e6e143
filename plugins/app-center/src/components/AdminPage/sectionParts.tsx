import { ReactNode, useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { Table, TableColumn } from '@backstage/core-components';
import type { EntrySource } from '@internal/plugin-app-center-common';
import { ConfirmDeleteDialog, RowActions, SourceChip } from '../common';

/** The "Create …" button of an admin section. */
export const CreateButton = (props: {
  what: string;
  onClick(): void;
  disabled?: boolean;
}) => (
  <Button
    variant="contained"
    color="primary"
    startIcon={<AddIcon />}
    disabled={props.disabled}
    onClick={props.onClick}
  >
    Create {props.what}
  </Button>
);

/** A name cell: the name, and the title under it when it says something else. */
export const NameCell = (props: { name: string; title?: string }) => (
  <>
    <Typography variant="body2">{props.name}</Typography>
    {props.title && props.title !== props.name && (
      <Typography variant="caption" color="textSecondary">
        {props.title}
      </Typography>
    )}
  </>
);

/** Says briefly that a change went through. */
export function useSuccessAlert(): (message: string) => void {
  const alertApi = useApi(alertApiRef);
  return message =>
    alertApi.post({ message, severity: 'success', display: 'transient' });
}

type AdminRow = { name: string; title?: string; source: EntrySource };

/** The table of an admin section: compact, every row at once, no search or toolbar. */
export function AdminTable<T extends object>(props: {
  columns: TableColumn<T>[];
  data: T[];
}) {
  return (
    <Table<T>
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={props.columns}
      data={props.data}
    />
  );
}

/**
 * The create, edit and delete dialogs of an admin section's rows: which row is open, and what happens once
 * the dialog is done (the success alert names the row, then the section reloads).
 */
export function useRowDialogs<T extends AdminRow>(
  /** What a row is, e.g. "tenant". */
  what: string,
  onChanged: () => void,
  /** How a row is named to people (e.g. project/env); its name by default. */
  fullName: (name: string) => string = name => name,
) {
  const notify = useSuccessAlert();
  const label = (name: string) => `${what} ${fullName(name)}`;
  const sentence = (name: string) =>
    label(name).replace(/^./, c => c.toLocaleUpperCase('en-US'));
  const [editing, setEditing] = useState<T | 'new'>();
  const [deleting, setDeleting] = useState<T>();
  const create = () => setEditing('new');
  const edit = (row: T) => setEditing(row);
  const remove = (row: T) => setDeleting(row);
  return {
    /** The edit dialog is open (for a new row when `editedRow` is undefined). */
    editOpen: editing !== undefined,
    editedRow: editing === 'new' ? undefined : editing,
    create,
    edit,
    closeEdit: () => setEditing(undefined),
    saved: (row: T) => {
      setEditing(undefined);
      notify(
        `${sentence(row.name)} ${editing === 'new' ? 'created' : 'saved'}`,
      );
      onChanged();
    },
    deleting,
    remove,
    closeDelete: () => setDeleting(undefined),
    deleted: () => {
      setDeleting(undefined);
      if (deleting) notify(`${sentence(deleting.name)} deleted`);
      onChanged();
    },
    label,
    /** The section's "Create …" button. */
    createButton: (disabled?: boolean) => (
      <CreateButton what={what} disabled={disabled} onClick={create} />
    ),
    /** The table's first column (name and title) and last ones (source, actions). */
    nameColumn: () => nameColumn<T>(),
    sourceAndActionColumns: (extraActions?: (row: T) => ReactNode) =>
      sourceAndActionColumns<T>(what, { edit, remove }, extraActions),
  };
}

/** Asks before deleting the row the section's dialogs hold, explaining what deleting it means. */
export function DeleteRowDialog<T extends AdminRow>(props: {
  dialogs: ReturnType<typeof useRowDialogs<T>>;
  onConfirm(row: T): Promise<void>;
  children: ReactNode;
}) {
  const { dialogs } = props;
  const row = dialogs.deleting;
  if (!row) return null;
  return (
    <ConfirmDeleteDialog
      title={`Delete ${dialogs.label(row.name)}?`}
      onConfirm={() => props.onConfirm(row)}
      onClose={dialogs.closeDelete}
      onDeleted={dialogs.deleted}
    >
      {props.children}
    </ConfirmDeleteDialog>
  );
}

/** The first column of an admin table: the name, and the title under it. */
export function nameColumn<T extends AdminRow>(): TableColumn<T> {
  return {
    title: 'Name',
    field: 'name',
    highlight: true,
    render: row => <NameCell name={row.name} title={row.title} />,
  };
}

/** The last columns of an admin table: where the row comes from, and its edit and delete actions. */
export function sourceAndActionColumns<T extends AdminRow>(
  what: string,
  dialogs: { edit(row: T): void; remove(row: T): void },
  /** More actions before edit and delete. */
  extraActions?: (row: T) => ReactNode,
): TableColumn<T>[] {
  return [
    { title: 'Source', render: row => <SourceChip source={row.source} /> },
    {
      title: 'Actions',
      align: 'right',
      render: row => (
        <>
          {extraActions?.(row)}
          <RowActions
            what={what}
            name={row.name}
            source={row.source}
            onEdit={() => dialogs.edit(row)}
            onDelete={() => dialogs.remove(row)}
          />
        </>
      ),
    },
  ];
}
