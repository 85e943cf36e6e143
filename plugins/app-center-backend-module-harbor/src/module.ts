import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { appCenterRegistryExtensionPoint } from '@internal/plugin-app-center-node';
import {
  HarborRegistryProvider,
  readHarborOptions,
} from './HarborRegistryProvider';

/**
 * Lists image tags of the Harbor instances in `appCenter.harbor.instances` through Harbor's API (push times,
 * labels; labels in `appCenter.harbor.unpublishableLabels` make a tag unpublishable). Inert without
 * instances: other registries keep App Center's OCI client.
 * @public
 */
export const appCenterModuleHarbor = createBackendModule({
  pluginId: 'app-center',
  moduleId: 'harbor',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        registry: appCenterRegistryExtensionPoint,
      },
      async init({ config, logger, registry }) {
        const options = readHarborOptions(config);
        if (!options) return;
        registry.addRegistryProvider(new HarborRegistryProvider(options));
        logger.info(
          `Harbor registry provider for ${options.instances
            .map(i => i.host)
            .join(', ')}`,
        );
      },
    });
  },
});
