import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Tenant, checkGroupRef } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { FieldErrors, GroupPicker } from '../common';
import { AdminFormDialog, useAdminForm } from './AdminFormDialog';

const FIELDS = ['name', 'title', 'groups', 'adminGroups'] as const;

const HELP = {
  name: 'A DNS-1123 label, e.g. shop-team. Cannot be changed later.',
  title: 'Shown instead of the name, e.g. Shop team',
};

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
  const [groups, setGroups] = useState<string[]>(tenant?.groups ?? []);
  const [adminGroups, setAdminGroups] = useState<string[]>(
    tenant?.adminGroups ?? [],
  );
  const form = useAdminForm('tenant', FIELDS, tenant, HELP);

  const validate = (): FieldErrors => ({
    groups:
      groups.length === 0
        ? 'groups: pick at least one catalog group whose members belong to the tenant'
        : checkGroups(groups, 'groups'),
    adminGroups: checkGroups(adminGroups, 'adminGroups'),
  });

  const save = async () => {
    const body = { title: form.titleToSend, groups, adminGroups };
    const saved = tenant
      ? await api.updateTenant(tenant.name, body)
      : await api.createTenant({ name: form.name, ...body });
    onSaved(saved);
  };

  // Who belongs to the tenant, and who manages it.
  const groupLists = [
    {
      id: 'tenant-groups',
      field: 'groups',
      label: 'Member groups',
      value: groups,
      onChange: setGroups,
      helperText: tenant
        ? "Saving replaces the tenant's member groups and admin groups with exactly these lists"
        : 'Members of these catalog groups belong to the tenant',
    },
    {
      id: 'tenant-admin-groups',
      field: 'adminGroups',
      label: 'Admin groups',
      value: adminGroups,
      onChange: setAdminGroups,
      helperText:
        "Members of these groups manage the tenant's projects and environments",
    },
  ];

  return (
    <AdminFormDialog {...{ form, validate, save, onClose }}>
      {groupLists.map(list => (
        <GroupPicker key={list.id} form={form} {...list} />
      ))}
    </AdminFormDialog>
  );
};
