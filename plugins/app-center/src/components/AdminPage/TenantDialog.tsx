import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Tenant, checkGroupRef } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { FieldErrors, GroupPicker, useFormSubmit } from '../common';
import { AdminFormDialog, useNameAndTitle } from './AdminFormDialog';

const FIELDS = ['name', 'title', 'groups', 'adminGroups'] as const;

function checkGroups(refs: string[], what: string): string | undefined {
  for (const ref of refs) {
    const message = checkGroupRef(ref);
    if (message) return `${what}: ${message}`;
  }
  return undefined;
}

/**
 * Create a tenant, or edit one (`tenant` given): its title, member groups and admin groups. An edit sends the
 * whole tenant (the API's PUT replaces it), so the lists shown are the lists kept.
 */
export const TenantDialog = (props: {
  tenant?: Tenant;
  onClose(): void;
  onSaved(tenant: Tenant): void;
}) => {
  const { tenant, onClose, onSaved } = props;
  const api = useApi(appCenterApiRef);
  const names = useNameAndTitle(tenant);
  const [groups, setGroups] = useState<string[]>(tenant?.groups ?? []);
  const [adminGroups, setAdminGroups] = useState<string[]>(
    tenant?.adminGroups ?? [],
  );
  const form = useFormSubmit(FIELDS);

  const validate = (): FieldErrors => ({
    groups:
      groups.length === 0
        ? 'groups: pick at least one catalog group whose members belong to the tenant'
        : checkGroups(groups, 'groups'),
    adminGroups: checkGroups(adminGroups, 'adminGroups'),
  });

  const save = async () => {
    const body = { title: names.titleToSend, groups, adminGroups };
    const saved = tenant
      ? await api.updateTenant(tenant.name, body)
      : await api.createTenant({ name: names.name, ...body });
    onSaved(saved);
  };

  return (
    <AdminFormDialog
      kind="tenant"
      title={tenant ? `Edit tenant ${tenant.name}` : 'Create tenant'}
      form={form}
      names={names}
      nameHelp="A DNS-1123 label, e.g. shop-team. Cannot be changed later."
      titleHelp="Shown instead of the name, e.g. Shop team"
      validate={validate}
      save={save}
      onClose={onClose}
    >
      <GroupPicker
        id="tenant-groups"
        label="Member groups"
        value={groups}
        form={form}
        field="groups"
        onChange={setGroups}
        helperText={
          tenant
            ? "Saving replaces the tenant's member groups and admin groups with exactly these lists"
            : 'Members of these catalog groups belong to the tenant'
        }
      />
      <GroupPicker
        id="tenant-admin-groups"
        label="Admin groups"
        value={adminGroups}
        form={form}
        field="adminGroups"
        onChange={setAdminGroups}
        helperText="Members of these groups manage the tenant's projects and environments"
      />
    </AdminFormDialog>
  );
};
