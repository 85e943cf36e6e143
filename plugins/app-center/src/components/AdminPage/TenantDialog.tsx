import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Tenant,
  checkGroupRef,
  checkName,
  checkTitle,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { FieldErrors, FormDialog, GroupPicker, useFormSubmit } from '../common';

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
  const [name, setName] = useState(tenant?.name ?? '');
  const [title, setTitle] = useState(tenant?.title ?? '');
  const [groups, setGroups] = useState<string[]>(tenant?.groups ?? []);
  const [adminGroups, setAdminGroups] = useState<string[]>(
    tenant?.adminGroups ?? [],
  );
  const { errors, formError, submitting, submit, clearError } =
    useFormSubmit(FIELDS);

  const validate = (): FieldErrors => ({
    name: tenant ? undefined : checkName(name),
    title: checkTitle(title),
    groups:
      groups.length === 0
        ? 'groups: pick at least one catalog group whose members belong to the tenant'
        : checkGroups(groups, 'groups'),
    adminGroups: checkGroups(adminGroups, 'adminGroups'),
  });

  const save = async () => {
    const body = { title: title.trim() || undefined, groups, adminGroups };
    const saved = tenant
      ? await api.updateTenant(tenant.name, body)
      : await api.createTenant({ name, ...body });
    onSaved(saved);
  };

  return (
    <FormDialog
      title={tenant ? `Edit tenant ${tenant.name}` : 'Create tenant'}
      submitLabel={tenant ? 'Save' : 'Create'}
      submitting={submitting}
      formError={formError}
      onClose={onClose}
      onSubmit={() => submit(validate, save)}
    >
      <TextField
        id="tenant-name"
        label="Name"
        value={name}
        disabled={!!tenant}
        onChange={e => {
          setName(e.target.value);
          clearError('name');
        }}
        error={!!errors.name}
        helperText={
          errors.name ??
          'A DNS-1123 label, e.g. shop-team. Cannot be changed later.'
        }
        required
        fullWidth
        margin="dense"
        variant="outlined"
      />
      <TextField
        id="tenant-title"
        label="Title"
        value={title}
        onChange={e => {
          setTitle(e.target.value);
          clearError('title');
        }}
        error={!!errors.title}
        helperText={errors.title ?? 'Shown instead of the name, e.g. Shop team'}
        fullWidth
        margin="dense"
        variant="outlined"
      />
      <GroupPicker
        id="tenant-groups"
        label="Member groups"
        value={groups}
        onChange={v => {
          setGroups(v);
          clearError('groups');
        }}
        error={errors.groups}
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
        onChange={v => {
          setAdminGroups(v);
          clearError('adminGroups');
        }}
        error={errors.adminGroups}
        helperText="Members of these groups manage the tenant's projects and environments"
      />
    </FormDialog>
  );
};
