import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { appCenterAdminPermission } from '@internal/plugin-app-center-common';
import { AppCenterPolicy } from './AppCenterPolicy';

describe('AppCenterPolicy', () => {
  const userInfo = {
    getUserInfo: async (credentials: any) => {
      const ref = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs:
          ref === 'user:default/jane' ? [ref, 'group:default/platform'] : [ref],
      };
    },
  };
  const policy = new AppCenterPolicy(
    ['Group:default/Platform', 'user:development/guest'],
    userInfo,
  );
  const ask = (permission: any, user?: string) =>
    policy.handle(
      { permission },
      user
        ? { credentials: mockCredentials.user(user), info: undefined as any }
        : undefined,
    );

  it('makes portal admins of the configured groups and users, and nobody else', async () => {
    expect(
      (await ask(appCenterAdminPermission, 'user:default/jane')).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (await ask(appCenterAdminPermission, 'user:development/guest')).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (await ask(appCenterAdminPermission, 'user:default/joe')).result,
    ).toBe(AuthorizeResult.DENY);
    expect((await ask(appCenterAdminPermission)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('leaves everything else to the plugins’ own rules', async () => {
    const read = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect((await ask(read, 'user:default/joe')).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('refuses service principals the admin permission', async () => {
    const decision = await policy.handle(
      { permission: appCenterAdminPermission },
      {
        credentials: mockCredentials.service('plugin:catalog'),
        info: undefined as any,
      },
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });
});
