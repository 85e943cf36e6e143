/* eslint-disable @typescript-eslint/no-explicit-any */
import { deploymentYaml, serviceYaml } from './gitFixture.ts';
import type { Harness } from './harness.ts';
import { appBody, expectSwagger, startHarness, waitFor } from './harness.ts';

/** Path of the web app's manifests in the test repository. */
export const WEB = 'shop/envs/dev/web';

const SECRET_YAML = `apiVersion: v1
kind: Secret
metadata:
  name: web-secret
stringData:
  password: hunter2
`;

/**
 * Starts a harness whose repository holds the web app (a Deployment of 2 replicas of
 * `registry.example.com/shop/web:1.0.0`, a Service and a Secret, committed by Jane Doe) and creates the
 * Application `web` over it, not synced yet.
 */
export async function startWebAppHarness(
  options: Parameters<typeof startHarness>[0] = {},
): Promise<Harness> {
  const h = await startHarness(options);
  h.repo.commit(
    {
      [`${WEB}/deployment.yaml`]: deploymentYaml(
        'web',
        'registry.example.com/shop/web:1.0.0',
        2,
      ),
      [`${WEB}/service.yaml`]: serviceYaml('web'),
      [`${WEB}/secret.yaml`]: SECRET_YAML,
      [`${WEB}/.app-center.yaml`]: 'template: web\n',
    },
    'app-center: deploy shop/dev/web: 1.0.0',
    { name: 'Jane Doe', email: 'jane@example.invalid' },
  );
  await h.call(
    'POST',
    '/api/v1/applications',
    'v1alpha1Application',
    appBody('web', h.repo.repoURL, WEB),
  );
  return h;
}

/** GET of an Application, checked against the swagger definition. */
export function getApp(h: Harness, name: string): Promise<any> {
  return h.call('GET', `/api/v1/applications/${name}`, 'v1alpha1Application');
}

/** Waits until the app has no operation running, is Synced and has the given health; returns it. */
export function settledApp(
  h: Harness,
  name: string,
  health: string,
): Promise<any> {
  return waitFor(
    async () => {
      const a = await getApp(h, name);
      return !a.operation &&
        a.status.operationState?.phase !== 'Running' &&
        a.status.health?.status === health &&
        a.status.sync.status === 'Synced'
        ? a
        : undefined;
    },
    8000,
    `${name} ${health}`,
  );
}

/** POST of a Sync request (checked against the swagger definition); returns the app with its operation. */
export function syncApp(
  h: Harness,
  name: string,
  body: any = {},
): Promise<any> {
  expectSwagger('applicationApplicationSyncRequest', body);
  return h.call(
    'POST',
    `/api/v1/applications/${name}/sync`,
    'v1alpha1Application',
    body,
  );
}
