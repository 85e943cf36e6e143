import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { appCenterApiRef } from '../../api';
import type { Capabilities } from '@internal/plugin-app-center-common';
import {
  capabilities,
  devEnv,
  fakeApi,
  policyDeniesDev,
  prodEnv,
  protectedProd,
  webApp,
} from '../../__testUtils__/fakeAppCenterApi';
import { EnvironmentPage } from './EnvironmentPage';

// Rendering the deploy dialog takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const apps = {
  platformApps: [
    webApp,
    {
      ...webApp,
      name: 'worker',
      state: 'no-application' as const,
      sync: undefined,
      health: undefined,
      lastTask: undefined,
      images: {
        manifest: ['registry.example.com/shop/worker:2.0'],
        running: [],
      },
    },
  ],
  storeApps: [
    {
      name: 'redis',
      chart: 'redis',
      version: '18.1.0',
      repoURL: 'https://charts.example.com',
      sync: { status: 'Synced' },
      health: { status: 'Healthy' },
    },
  ],
  warnings: [],
};

/** Renders the page; `may` is what the backend says the caller may do in the environment. */
async function render(env = devEnv, may: Capabilities = capabilities()) {
  const api = fakeApi({
    getEnvironment: async () => env,
    listEnvironmentApps: async () => ({ ...apps, capabilities: may }),
    listImageTags: async () => ({
      repository: 'x',
      source: 'oci',
      items: [],
      total: 0,
      order: { by: 'name', createdResolved: 0, description: '' },
    }),
  });
  await renderInTestApp(<EnvironmentPage project="shop" env={env.name} />, {
    apis: [[appCenterApiRef, api]],
  });
  return api;
}

describe('EnvironmentPage', () => {
  it('lists platform apps with state, sync, health, images and last task, and store apps', async () => {
    await render();
    expect(await screen.findByText('Platform apps')).toBeInTheDocument();
    const web = screen.getByRole('link', { name: 'web' }).closest('tr')!;
    expect(web).toHaveTextContent('Deployment');
    expect(within(web).getByText('associated')).toBeInTheDocument();
    expect(within(web).getByText('OutOfSync')).toBeInTheDocument();
    expect(within(web).getByLabelText(/web differs/)).toBeInTheDocument();
    const worker = screen.getByRole('link', { name: 'worker' }).closest('tr')!;
    expect(
      within(worker).getByText('no Argo CD application'),
    ).toBeInTheDocument();
    expect(within(worker).getByText('none')).toBeInTheDocument();

    const redis = screen.getByText('redis', { selector: 'td' }).closest('tr')!;
    expect(redis).toHaveTextContent('18.1.0');
    expect(redis).toHaveTextContent('https://charts.example.com');
  });

  it('deploys the selected apps in one batch; apps that cannot take a deploy cannot be selected', async () => {
    await render();
    const button = await screen.findByRole('button', {
      name: 'Deploy selected (0)',
    });
    expect(button).toBeDisabled();
    expect(screen.getByLabelText('Select worker')).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Select web'));
    const enabled = await screen.findByRole('button', {
      name: 'Deploy selected (1)',
    });
    await waitFor(() => expect(enabled).toBeEnabled());
    await userEvent.click(enabled);
    expect(await screen.findByRole('dialog')).toHaveTextContent(
      'Deploy web to shop/dev',
    );
  });

  it('disables deploying to a protected environment the user may not deploy to, with the reason', async () => {
    await render(prodEnv, capabilities({ deploy: protectedProd }));
    expect(
      await screen.findByLabelText(
        'Deploy selected: prod is protected: deployers are group:default/shop-leads and the admins of tenant "shop-team"',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Deploy selected (0)' }),
    ).toBeDisabled();
    expect(screen.queryByLabelText('Select web')).toBeNull();
  });

  it("disables deploying where the portal's permission policy denies it, with the reason, whatever the environment", async () => {
    await render(devEnv, capabilities({ deploy: policyDeniesDev }));
    expect(
      await screen.findByLabelText(
        "Deploy selected: the portal's permission policy does not allow it (app-center.environment.deploy on shop/dev)",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Deploy selected (0)' }),
    ).toBeDisabled();
    expect(screen.queryByLabelText('Select web')).toBeNull();
  });
});
