import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { EmptyState, Table, TableColumn } from '@backstage/core-components';
import type { Tenant } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import {
  ConfirmDeleteDialog,
  GroupRefs,
  RowActions,
  SourceChip,
} from '../common';
import { SectionHeader } from './SectionHeader';
import { CreateButton, NameCell, useSuccessAlert } from './sectionParts';
import { TenantDialog } from './TenantDialog';

/** Tenants and the catalog groups mapped to them. */
export const TenantsSection = (props: {
  tenants: Tenant[];
  onChanged(): void;
}) => {
  const { tenants, onChanged } = props;
  const api = useApi(appCenterApiRef);
  const notify = useSuccessAlert();
  const [editing, setEditing] = useState<Tenant | 'new'>();
  const [deleting, setDeleting] = useState<Tenant>();

  const createButton = (
    <CreateButton what="tenant" onClick={() => setEditing('new')} />
  );

  const columns: TableColumn<Tenant>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: t => <NameCell name={t.name} title={t.title} />,
    },
    { title: 'Member groups', render: t => <GroupRefs refs={t.groups} /> },
    { title: 'Admin groups', render: t => <GroupRefs refs={t.adminGroups} /> },
    { title: 'Source', render: t => <SourceChip source={t.source} /> },
    {
      title: 'Actions',
      align: 'right',
      render: t => (
        <RowActions
          what="tenant"
          name={t.name}
          source={t.source}
          onEdit={() => setEditing(t)}
          onDelete={() => setDeleting(t)}
        />
      ),
    },
  ];

  return (
    <>
      <SectionHeader
        title="Tenants"
        description="Organisation units of the portal. Members of a tenant's groups work on its projects; members of its admin groups manage them."
        action={tenants.length > 0 ? createButton : undefined}
      />
      {tenants.length === 0 ? (
        <EmptyState
          missing="data"
          title="No tenants yet — create one"
          description="A tenant maps catalog groups to the projects they deliver. Create the first one, or declare tenants in app-config under appCenter.tenants."
          action={createButton}
        />
      ) : (
        <Table<Tenant>
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          columns={columns}
          data={tenants}
        />
      )}
      {editing && (
        <TenantDialog
          tenant={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={t => {
            setEditing(undefined);
            notify(
              `Tenant ${t.name} ${editing === 'new' ? 'created' : 'saved'}`,
            );
            onChanged();
          }}
        />
      )}
      {deleting && (
        <ConfirmDeleteDialog
          title={`Delete tenant ${deleting.name}?`}
          onConfirm={() => api.deleteTenant(deleting.name)}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            notify(`Tenant ${deleting.name} deleted`);
            onChanged();
          }}
        >
          The tenant and its group mappings are removed. A tenant that still has
          projects cannot be deleted: delete or move its projects first.
        </ConfirmDeleteDialog>
      )}
    </>
  );
};
