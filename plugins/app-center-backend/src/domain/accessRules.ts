import type {
  Capabilities,
  Capability,
  CapabilityName,
  Environment,
  Tenant,
} from '@internal/plugin-app-center-common';
import type { Caller } from './Caller';

/** The capabilities, in the order the wire and the tests list them. */
export const CAPABILITY_NAMES: CapabilityName[] = [
  'read',
  'editTemplates',
  'editEnvironmentApp',
  'deploy',
  'manage',
];

export const ALLOWED: Capability = { allowed: true };
export const denied = (reason: string): Capability => ({
  allowed: false,
  reason,
});

const intersects = (a: string[], b: string[]) => {
  const set = new Set(b.map(r => r.toLocaleLowerCase('en-US')));
  return a.some(r => set.has(r.toLocaleLowerCase('en-US')));
};
const listed = (refs: string[]) => refs.join(', ') || 'none';

/** Portal admins and the people of the tenant's member or admin groups. */
export function isMember(caller: Caller, tenant: Tenant): boolean {
  return (
    caller.portalAdmin ||
    intersects(caller.ownershipRefs, [...tenant.groups, ...tenant.adminGroups])
  );
}

/** Portal admins and the people of the tenant's admin groups. */
export function isTenantAdmin(caller: Caller, tenant: Tenant): boolean {
  return (
    caller.portalAdmin || intersects(caller.ownershipRefs, tenant.adminGroups)
  );
}

export function notMemberReason(tenant: Tenant): string {
  return `not a member of tenant "${tenant.name}" (member groups: ${listed([
    ...tenant.groups,
    ...tenant.adminGroups,
  ])})`;
}

/**
 * DESIGN.md section 6 for one target, before the portal's policy has its say: members read, edit environment
 * apps and deploy to unprotected environments; protected ones need a deployer group or the tenant's admin
 * role; tenant admins edit templates and manage the project. Without an environment, nothing can be deployed.
 */
export function domainCapabilities(
  caller: Caller,
  tenant: Tenant,
  project: string,
  env?: Environment,
): Capabilities {
  if (!isMember(caller, tenant)) {
    const no = denied(notMemberReason(tenant));
    return {
      read: no,
      editTemplates: no,
      editEnvironmentApp: no,
      deploy: no,
      manage: no,
    };
  }
  const admin = isTenantAdmin(caller, tenant);
  const adminsOnly = (what: string) =>
    admin
      ? ALLOWED
      : denied(
          `only admins of tenant "${
            tenant.name
          }" may ${what} (admin groups: ${listed(tenant.adminGroups)})`,
        );
  let changeEnv: Capability;
  if (!env) changeEnv = denied(`name an environment of project "${project}"`);
  else if (
    !env.protected ||
    admin ||
    intersects(caller.ownershipRefs, env.deployerGroups)
  )
    changeEnv = ALLOWED;
  else
    changeEnv = denied(
      `${env.name} is protected: deployers are ${listed(
        env.deployerGroups,
      )} and the admins of tenant "${tenant.name}"`,
    );
  return {
    read: ALLOWED,
    editTemplates: adminsOnly(`edit the templates of project "${project}"`),
    // The environment's copy of an app is what a deploy changes: the same people may edit it.
    editEnvironmentApp: changeEnv,
    deploy: changeEnv,
    manage: adminsOnly(`manage project "${project}"`),
  };
}
