import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  appCenterAdminPermission,
  appCenterDeployPermission,
  type Environment,
  type Tenant,
} from '@internal/plugin-app-center-common';
import { Request } from 'express';

/** Who is asking, with what App Center needs to decide: ownership refs and whether a portal admin. */
export type Caller = {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  userEntityRef: string;
  ownershipRefs: string[];
  portalAdmin: boolean;
};

const intersects = (a: string[], b: string[]) => {
  const set = new Set(b.map(r => r.toLocaleLowerCase('en-US')));
  return a.some(r => set.has(r.toLocaleLowerCase('en-US')));
};

/**
 * The access rules of DESIGN.md section 6, enforced on every route whatever permission policy the portal
 * installs. The portal's policy can narrow them further through App Center's Backstage permissions, which
 * are checked after these rules (both must allow).
 */
export class AccessControl {
  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      permissions: PermissionsService;
      auth: AuthService;
    },
  ) {}

  /** Resolves the caller of a request (of any route's typed shape); 401 without a user token. */
  async caller(req: Request<any, any, any, any>): Promise<Caller> {
    const credentials = await this.deps.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const info = await this.deps.userInfo.getUserInfo(credentials);
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: appCenterAdminPermission }],
      { credentials },
    );
    return {
      credentials,
      userEntityRef: info.userEntityRef,
      ownershipRefs: info.ownershipEntityRefs,
      portalAdmin: decision.result === AuthorizeResult.ALLOW,
    };
  }

  isMember(caller: Caller, tenant: Tenant): boolean {
    return (
      caller.portalAdmin ||
      intersects(caller.ownershipRefs, [
        ...tenant.groups,
        ...tenant.adminGroups,
      ])
    );
  }

  isTenantAdmin(caller: Caller, tenant: Tenant): boolean {
    return (
      caller.portalAdmin || intersects(caller.ownershipRefs, tenant.adminGroups)
    );
  }

  /** Members deploy to unprotected environments; protected ones need a deployer group or tenant admin. */
  canDeploy(caller: Caller, tenant: Tenant, env: Environment): boolean {
    if (!this.isMember(caller, tenant)) return false;
    if (!env.protected) return true;
    return (
      this.isTenantAdmin(caller, tenant) ||
      intersects(caller.ownershipRefs, env.deployerGroups)
    );
  }

  /**
   * May deploy to the environment (protected ones need a deployer group or tenant admin) and the portal's
   * policy allows `app-center.environment.deploy` on `<project>/<env>`. Callers check membership first.
   */
  async requireDeployer(
    caller: Caller,
    tenant: Tenant,
    env: Environment,
  ): Promise<void> {
    const where = `${env.project}/${env.name}`;
    if (!this.canDeploy(caller, tenant, env)) {
      throw new NotAllowedError(
        `${
          caller.userEntityRef
        } may not deploy to ${where}: it is protected; deployer groups: ${
          env.deployerGroups.join(', ') || 'none'
        } (and the tenant's admins)`,
      );
    }
    await this.requirePermission(
      caller,
      appCenterDeployPermission,
      where,
      `deploy to ${where}`,
    );
  }

  requirePortalAdmin(caller: Caller, action: string): void {
    if (!caller.portalAdmin) {
      throw new NotAllowedError(
        `only portal admins may ${action}; ask a portal admin (the app-center.admin permission)`,
      );
    }
  }

  requireMember(caller: Caller, tenant: Tenant): void {
    if (!this.isMember(caller, tenant)) {
      throw new NotAllowedError(
        `${caller.userEntityRef} is not a member of tenant "${
          tenant.name
        }" (member groups: ${
          [...tenant.groups, ...tenant.adminGroups].join(', ') || 'none'
        })`,
      );
    }
  }

  requireTenantAdmin(caller: Caller, tenant: Tenant, action: string): void {
    if (!this.isTenantAdmin(caller, tenant)) {
      throw new NotAllowedError(
        `only admins of tenant "${tenant.name}" may ${action} (admin groups: ${
          tenant.adminGroups.join(', ') || 'none'
        })`,
      );
    }
  }

  /**
   * Asks the portal's permission policy too. Each request carries a resource ref (`<project>` or
   * `<project>/<env>`) so conditional decisions are evaluated against App Center's rules.
   */
  async authorizeAll(
    caller: Caller,
    requests: Array<{
      permission: ResourcePermission | BasicPermission;
      resourceRef?: string;
    }>,
  ): Promise<boolean[]> {
    if (requests.length === 0) return [];
    const decisions = await this.deps.permissions.authorize(
      requests.map(r =>
        r.resourceRef
          ? {
              permission: r.permission as ResourcePermission,
              resourceRef: r.resourceRef,
            }
          : { permission: r.permission as BasicPermission },
      ),
      { credentials: caller.credentials },
    );
    return decisions.map(d => d.result === AuthorizeResult.ALLOW);
  }

  async requirePermission(
    caller: Caller,
    permission: ResourcePermission,
    resourceRef: string,
    action: string,
  ): Promise<void> {
    const [allowed] = await this.authorizeAll(caller, [
      { permission, resourceRef },
    ]);
    if (!allowed) {
      throw new NotAllowedError(
        `the portal's permission policy does not allow ${caller.userEntityRef} to ${action} (${permission.name} on ${resourceRef})`,
      );
    }
  }

  serviceCredentials() {
    return this.deps.auth.getOwnServiceCredentials();
  }
}
