import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  appCenterRegistryExtensionPoint,
  RegistryProvider,
} from '@internal/plugin-app-center-node';
import appCenterModuleHarbor from './index';

/** A stand-in for the App Center plugin that only collects the providers modules add. */
function collectingPlugin(providers: RegistryProvider[]) {
  return createBackendPlugin({
    pluginId: 'app-center',
    register(env) {
      env.registerExtensionPoint(appCenterRegistryExtensionPoint, {
        addRegistryProvider: p => providers.push(p),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('appCenterModuleHarbor', () => {
  it('adds the Harbor provider for the configured instances', async () => {
    const providers: RegistryProvider[] = [];
    const backend = await startTestBackend({
      features: [
        collectingPlugin(providers),
        appCenterModuleHarbor,
        mockServices.rootConfig.factory({
          data: {
            appCenter: {
              harbor: {
                instances: [
                  { host: 'harbor.example.com', username: 'u', password: 'p' },
                ],
              },
            },
          },
        }),
      ],
    });
    await backend.stop();
    expect(providers.map(p => p.id)).toEqual(['harbor']);
    expect(providers[0].matches('harbor.example.com')).toBe(true);
    expect(providers[0].matches('registry.example.com')).toBe(false);
  });

  it('is inert without configuration', async () => {
    const providers: RegistryProvider[] = [];
    const backend = await startTestBackend({
      features: [
        collectingPlugin(providers),
        appCenterModuleHarbor,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    await backend.stop();
    expect(providers).toEqual([]);
  });
});
