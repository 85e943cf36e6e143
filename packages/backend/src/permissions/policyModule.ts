import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AppCenterPolicy } from './AppCenterPolicy';

/** Installs AppCenterPolicy as the permission backend's policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'app-center-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new AppCenterPolicy(
            config.getOptionalStringArray('permission.portalAdmins') ?? [],
            userInfo,
          ),
        );
      },
    });
  },
});
