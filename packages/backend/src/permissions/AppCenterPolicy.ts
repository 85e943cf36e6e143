import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { appCenterAdminPermission } from '@internal/plugin-app-center-common';

/**
 * The portal's permission policy. App Center enforces its tenant rules itself; this policy decides who the
 * portal admins are (the `app-center.admin` permission) from `permission.portalAdmins`, a list of user or
 * group refs matched against the caller's ownership refs. Everything else is allowed: a portal with stricter
 * needs narrows App Center's resource permissions here with its conditional rules (IS_IN_TENANT, IS_PROJECT,
 * IS_ENVIRONMENT_KIND, IS_PROTECTED_ENVIRONMENT).
 */
export class AppCenterPolicy implements PermissionPolicy {
  private readonly admins: Set<string>;

  constructor(
    portalAdmins: string[],
    private readonly userInfo: UserInfoService,
  ) {
    this.admins = new Set(portalAdmins.map(r => r.toLocaleLowerCase('en-US')));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (request.permission.name === appCenterAdminPermission.name) {
      const principal = user?.credentials.principal as
        | { type?: string }
        | undefined;
      if (!user || principal?.type !== 'user') {
        return { result: AuthorizeResult.DENY };
      }
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      const isAdmin = ownershipEntityRefs.some(r =>
        this.admins.has(r.toLocaleLowerCase('en-US')),
      );
      return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
