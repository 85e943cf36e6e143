import { useApi } from '@backstage/frontend-plugin-api';
import { EmptyState, TableColumn } from '@backstage/core-components';
import type { Tenant } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { GroupRefs } from '../common';
import { SectionHeader } from './SectionHeader';
import { AdminTable, DeleteRowDialog, useRowDialogs } from './sectionParts';
import { TenantDialog } from './TenantDialog';

/** Tenants and the catalog groups mapped to them. */
export const TenantsSection = (props: {
  tenants: Tenant[];
  onChanged(): void;
}) => {
  const { tenants, onChanged } = props;
  const api = useApi(appCenterApiRef);
  const dialogs = useRowDialogs<Tenant>('tenant', onChanged);

  const createButton = dialogs.createButton();

  const columns: TableColumn<Tenant>[] = [
    dialogs.nameColumn(),
    { title: 'Member groups', render: t => <GroupRefs refs={t.groups} /> },
    { title: 'Admin groups', render: t => <GroupRefs refs={t.adminGroups} /> },
    ...dialogs.sourceAndActionColumns(),
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
        <AdminTable columns={columns} data={tenants} />
      )}
      {dialogs.editOpen && (
        <TenantDialog
          tenant={dialogs.editedRow}
          onClose={dialogs.closeEdit}
          onSaved={dialogs.saved}
        />
      )}
      <DeleteRowDialog
        dialogs={dialogs}
        onConfirm={t => api.deleteTenant(t.name)}
      >
        The tenant and its group mappings are removed. A tenant that still has
        projects cannot be deleted: delete or move its projects first.
      </DeleteRowDialog>
    </>
  );
};
