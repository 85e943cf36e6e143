import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { appCenterApiRef } from '../../api';
import {
  capabilities,
  devEnv,
  fakeApi,
  policyDeniesDev,
  webApp,
} from '../../__testUtils__/fakeAppCenterApi';
import { EnvironmentAppPage } from './EnvironmentAppPage';

async function render(may = capabilities()) {
  const api = fakeApi({
    getEnvironment: async () => devEnv,
    getEnvironmentApp: async () => ({ ...webApp, capabilities: may }),
    getAppFiles: async () => ({
      capabilities: may,
      revision: 'a'.repeat(40),
      files: [{ path: 'deployment.yaml', content: 'kind: Deployment\n' }],
    }),
  });
  await renderInTestApp(
    <EnvironmentAppPage project="shop" env="dev" app="web" />,
    { apis: [[appCenterApiRef, api]] },
  );
  return api;
}

describe('EnvironmentAppPage', () => {
  it('offers the actions the backend allows', async () => {
    await render();
    expect(await screen.findByRole('button', { name: 'Deploy' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Scale' })).toBeEnabled();
  });

  it("disables every action, with the reason, where the portal's permission policy denies deploying", async () => {
    await render(
      capabilities({
        deploy: policyDeniesDev,
        editEnvironmentApp: policyDeniesDev,
      }),
    );
    const deploy = await screen.findByRole('button', { name: 'Deploy' });
    expect(deploy).toBeDisabled();
    for (const action of ['Deploy', 'Scale', 'Autoscaling', 'Rollback']) {
      expect(
        screen.getByLabelText(`${action}: ${policyDeniesDev.reason}`),
      ).toBeInTheDocument();
    }
    // The manifests are read-only and say why.
    expect(
      await screen.findByText(policyDeniesDev.reason!),
    ).toBeInTheDocument();
  });
});
