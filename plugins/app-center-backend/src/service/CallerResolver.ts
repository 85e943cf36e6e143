import type {
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { appCenterAdminPermission } from '@internal/plugin-app-center-common';
import type { Request } from 'express';
import type { Caller } from '../domain/Caller';

/**
 * Turns a request into the {@link Caller} services take (HTTP stays in the routes). Resolved once per
 * request: the authorization that runs before validation and the route's own call share it.
 */
export class CallerResolver {
  private readonly resolved = new WeakMap<object, Promise<Caller>>();

  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      permissions: PermissionsService;
    },
  ) {}

  /** The caller of a request (of any route's typed shape); 401 without a user token. */
  caller(req: Request<any, any, any, any>): Promise<Caller> {
    let caller = this.resolved.get(req);
    if (!caller) {
      caller = this.resolve(req);
      this.resolved.set(req, caller);
    }
    return caller;
  }

  private async resolve(req: Request<any, any, any, any>): Promise<Caller> {
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
}
