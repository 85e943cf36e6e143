import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type { AppCenterApi } from '../../api';
import { appCenterApiRef } from '../../api';
import {
  capabilities,
  devEnv,
  entityApps,
  fakeApi,
  policyDeniesDev,
  responseError,
  task,
  webApp,
} from '../../__testUtils__/fakeAppCenterApi';
import { DeploymentsTab } from './DeploymentsTab';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop-web',
    annotations: { 'app-center.io/app': 'shop/web' },
  },
  spec: { type: 'service', owner: 'shop-devs', lifecycle: 'production' },
};

function render(api: AppCenterApi, entity: Entity = component) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <DeploymentsTab />
    </EntityProvider>,
    { apis: [[appCenterApiRef, api]] },
  );
}

function row(name: string): HTMLElement {
  return screen.getByText(name).closest('tr') as HTMLElement;
}

describe('DeploymentsTab', () => {
  it('shows one row per environment in stage order with state, sync, health, images and last task', async () => {
    const api = fakeApi({ getEntityApps: async () => entityApps });
    await render(api);
    expect(await screen.findByText('Development')).toBeInTheDocument();
    expect(api.getEntityApps).toHaveBeenCalledWith(
      'component:default/shop-web',
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Development');
    expect(rows[1]).toHaveTextContent('Production');

    const dev = row('Development');
    expect(within(dev).getByText('associated')).toBeInTheDocument();
    expect(within(dev).getByText('OutOfSync')).toBeInTheDocument();
    expect(within(dev).getByText('Healthy')).toBeInTheDocument();
    expect(
      within(dev).getByLabelText('web differs: running 1.1, manifest 1.2'),
    ).toBeInTheDocument();
    expect(within(dev).getByText('succeeded')).toBeInTheDocument();
    expect(within(dev).getByRole('button', { name: 'Deploy' })).toBeEnabled();
    expect(within(dev).getByText('Open').closest('a')).toHaveAttribute(
      'href',
      '/app-center/projects/shop/environments/dev/apps/web',
    );

    const prod = row('Production');
    expect(within(prod).getByText('not associated')).toBeInTheDocument();
    expect(within(prod).getByTitle('protected')).toBeInTheDocument();
    expect(
      within(prod).getByLabelText(
        'Associate: You may not change prod: prod is protected: deployers are group:default/shop-leads and the admins of tenant "shop-team"',
      ),
    ).toBeInTheDocument();
    expect(
      within(prod).getByRole('button', { name: 'Associate' }),
    ).toBeDisabled();
  });

  it("disables Deploy with the reason where the portal's permission policy denies it", async () => {
    const api = fakeApi({
      getEntityApps: async () => ({
        ...entityApps,
        environments: [
          {
            environment: devEnv,
            capabilities: capabilities({
              deploy: policyDeniesDev,
              editEnvironmentApp: policyDeniesDev,
            }),
            app: webApp,
          },
        ],
      }),
    });
    await render(api);
    const dev = await screen.findByText('Development');
    const cells = within(dev.closest('tr') as HTMLElement);
    expect(
      cells.getByLabelText(
        "Deploy: You may not change dev: the portal's permission policy does not allow it (app-center.environment.deploy on shop/dev)",
      ),
    ).toBeInTheDocument();
    expect(cells.getByRole('button', { name: 'Deploy' })).toBeDisabled();
  });

  it('disables Associate when the template does not exist, with the reason', async () => {
    const api = fakeApi({
      getEntityApps: async () => ({
        ...entityApps,
        templateExists: false,
        environments: [
          { ...entityApps.environments[0], capabilities: capabilities() },
        ],
      }),
    });
    await render(api);
    expect(
      await screen.findByLabelText(
        'Associate: Project shop has no template named web: create it on the Template tab first.',
      ),
    ).toBeInTheDocument();
  });

  it('associates the app and reloads the rows', async () => {
    let associated = false;
    const api = fakeApi({
      getEntityApps: async () => ({
        ...entityApps,
        environments: [
          associated
            ? {
                environment: entityApps.environments[0].environment,
                capabilities: capabilities(),
                app: { ...webApp, environment: 'prod' },
              }
            : { ...entityApps.environments[0], capabilities: capabilities() },
        ],
      }),
      associateApp: async () => {
        associated = true;
        return { ...webApp, environment: 'prod' };
      },
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Associate' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Associate web to shop/prod?');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Associate' }),
    );
    expect(api.associateApp).toHaveBeenCalledWith('shop', 'prod', {
      app: 'web',
    });
    expect(await screen.findByRole('button', { name: 'Deploy' })).toBeEnabled();
  });

  it('recreates a missing Argo CD application from git instead of replacing the files', async () => {
    let recreated = false;
    const dev = entityApps.environments[1];
    const api = fakeApi({
      getEntityApps: async () => ({
        ...entityApps,
        environments: [
          {
            ...dev,
            app: recreated
              ? webApp
              : { ...webApp, state: 'no-application', sync: undefined },
          },
        ],
      }),
      recreateApplication: async () => {
        recreated = true;
        return webApp;
      },
    });
    await render(api);
    await screen.findByText('Development');
    const missing = row('Development');
    expect(
      within(missing).getByText('no Argo CD application'),
    ).toBeInTheDocument();
    expect(
      within(missing).getByLabelText(
        'Deploy: Argo CD has no application for it: recreate it first.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(missing).getByRole('button', {
        name: 'Recreate the Argo CD application',
      }),
    );
    expect(api.recreateApplication).toHaveBeenCalledWith('shop', 'dev', 'web');
    expect(api.associateApp).not.toHaveBeenCalled();
    expect(await screen.findByRole('button', { name: 'Deploy' })).toBeEnabled();
    expect(
      screen.queryByRole('button', {
        name: 'Recreate the Argo CD application',
      }),
    ).not.toBeInTheDocument();
  });

  it('follows the task when associate answers with one', async () => {
    const api = fakeApi({
      getEntityApps: async () => ({
        ...entityApps,
        environments: [
          { ...entityApps.environments[0], capabilities: capabilities() },
        ],
      }),
      associateApp: async () =>
        task({ kind: 'associate', status: 'pending', steps: [] }),
      getTask: async () =>
        task({ kind: 'associate', status: 'succeeded', steps: [] }),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Associate' }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Associate',
      }),
    );
    expect(
      await screen.findByText('Associating web to shop/prod'),
    ).toBeInTheDocument();
    expect(await screen.findByText('succeeded')).toBeInTheDocument();
  });

  it('explains a project the user cannot see', async () => {
    const api = fakeApi({
      getEntityApps: async () => {
        throw await responseError(404, 'project "shop" not found');
      },
    });
    await render(api);
    expect(
      await screen.findByText('No App Center project shop that you can see'),
    ).toBeInTheDocument();
  });

  it('shows the warnings of the answer (e.g. Argo CD unreachable)', async () => {
    const api = fakeApi({
      getEntityApps: async () => ({
        ...entityApps,
        warnings: [
          'Argo CD instance main is unreachable: connect ECONNREFUSED',
        ],
      }),
    });
    await render(api);
    expect(
      await screen.findByText(/Some of the state could not be read/),
    ).toBeInTheDocument();
  });

  it('opens the deploy dialog for the row', async () => {
    const api = fakeApi({
      getEntityApps: async () => entityApps,
      listImageTags: async () => ({
        repository: 'registry.example.com/shop/web',
        source: 'oci',
        items: [],
        total: 0,
        order: { by: 'name', createdResolved: 0, description: '' },
      }),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Deploy' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('dialog')).toHaveTextContent(
        'Deploy web to shop/dev',
      ),
    );
  });

  it('asks for the annotation when it is malformed', async () => {
    await render(fakeApi(), {
      ...component,
      metadata: { name: 'x', annotations: { 'app-center.io/app': 'nope' } },
    });
    expect(await screen.findByText(/Missing Annotation/i)).toBeInTheDocument();
  });
});
