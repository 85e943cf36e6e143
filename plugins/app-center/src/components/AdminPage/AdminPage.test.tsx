import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type {
  Environment,
  Project,
  Tenant,
} from '@internal/plugin-app-center-common';
import { AppCenterApi, appCenterApiRef } from '../../api';
import { AdminPage } from './AdminPage';

const stamp = {
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const shopTeam: Tenant = {
  name: 'shop-team',
  title: 'Shop team',
  groups: ['group:default/shop-devs'],
  adminGroups: ['group:default/shop-leads'],
  source: 'config',
  ...stamp,
};
const webTeam: Tenant = {
  name: 'web-team',
  title: 'Web team',
  groups: ['group:default/web-devs'],
  adminGroups: [],
  source: 'portal',
  ...stamp,
};
const shop: Project = {
  name: 'shop',
  tenant: 'shop-team',
  title: 'Shop',
  description: '',
  repo: {
    url: 'https://git.example.com/shop/deploy.git',
    branch: 'main',
    dir: 'apps',
  },
  argocd: { instance: 'main', project: 'default' },
  allowClusterScoped: false,
  source: 'config',
  ...stamp,
};
const dev: Environment = {
  name: 'dev',
  project: 'shop',
  title: 'Development',
  kind: 'dev',
  destination: { name: 'in-cluster', namespace: 'shop-dev' },
  protected: false,
  deployerGroups: [],
  source: 'config',
  ...stamp,
};
const staging: Environment = {
  ...dev,
  name: 'staging',
  title: 'Staging',
  kind: 'test',
  destination: {
    server: 'https://kubernetes.default.svc',
    namespace: 'shop-staging',
  },
  protected: true,
  deployerGroups: ['group:default/shop-leads'],
  source: 'portal',
};

const groups = ['shop-devs', 'shop-leads', 'web-devs'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
}));

async function serverError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: status === 400 ? 'InputError' : 'ConflictError',
          message,
        },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

function mockApi(
  overrides: Partial<AppCenterApi> = {},
): jest.Mocked<AppCenterApi> {
  return {
    getAccess: jest.fn(async () => ({ portalAdmin: true, tenants: [] })),
    getPortalConfig: jest.fn(async () => ({ argocdInstances: ['main'] })),
    listTenants: jest.fn(async () => [shopTeam, webTeam]),
    getTenant: jest.fn(),
    createTenant: jest.fn(async input => ({
      ...webTeam,
      ...input,
      source: 'portal' as const,
    })),
    updateTenant: jest.fn(),
    deleteTenant: jest.fn(async () => undefined),
    listProjects: jest.fn(async () => [shop]),
    getProject: jest.fn(),
    createProject: jest.fn(),
    updateProject: jest.fn(),
    deleteProject: jest.fn(),
    listEnvironments: jest.fn(async () => [dev, staging]),
    getEnvironment: jest.fn(),
    createEnvironment: jest.fn(async (_p, input) => ({
      ...dev,
      ...input,
      title: input.title ?? input.name,
      protected: !!input.protected,
      deployerGroups: input.deployerGroups ?? [],
      source: 'portal' as const,
    })),
    updateEnvironment: jest.fn(),
    deleteEnvironment: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<AppCenterApi>;
}

function render(api: AppCenterApi) {
  return renderInTestApp(<AdminPage />, {
    apis: [
      [appCenterApiRef, api],
      [catalogApiRef, catalogApiMock({ entities: groups as any })],
    ],
  });
}

/** The helper text MUI renders under the field with this id. */
function helperOf(id: string) {
  return document.getElementById(`${id}-helper-text`);
}

// Dialog tests type a lot; on a busy CI machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('AdminPage', () => {
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(() => {
    user = userEvent.setup({ delay: null });
  });

  it('tells a user who is not a portal admin what to do', async () => {
    const api = mockApi({
      getAccess: jest.fn(async () => ({
        portalAdmin: false,
        tenants: [{ tenant: 'web-team', admin: true }],
      })),
    });
    render(api);
    expect(
      await screen.findByText('The App Center admin page is for portal admins'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ask the team that runs this Backstage portal/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/You administer the tenant web-team/),
    ).toBeInTheDocument();
    expect(api.listTenants).not.toHaveBeenCalled();
  });

  it('shows the error when access cannot be read', async () => {
    const api = mockApi({
      getAccess: jest.fn(async () => {
        throw await serverError(503, 'App Center is starting');
      }),
    });
    render(api);
    expect(
      await screen.findByText(/Request failed with 503/),
    ).toBeInTheDocument();
  });

  it('lists tenants and keeps entries from app-config read-only', async () => {
    render(mockApi());
    const configRow = (await screen.findByText('shop-team')).closest('tr')!;
    const portalRow = screen.getByText('web-team').closest('tr')!;

    expect(within(configRow).getByText('from app-config')).toBeInTheDocument();
    expect(within(configRow).getByText('shop-devs')).toBeInTheDocument();
    expect(within(configRow).getByText('shop-leads')).toBeInTheDocument();
    expect(
      within(configRow).queryByRole('button', { name: /edit/i }),
    ).toBeNull();
    expect(
      within(configRow).queryByRole('button', { name: /delete/i }),
    ).toBeNull();

    expect(within(portalRow).getByText('portal')).toBeInTheDocument();
    expect(
      within(portalRow).getByRole('button', { name: 'Edit tenant web-team' }),
    ).toBeInTheDocument();
    expect(
      within(portalRow).getByRole('button', { name: 'Delete tenant web-team' }),
    ).toBeInTheDocument();
  });

  it('offers to create the first tenant when there is none', async () => {
    render(
      mockApi({
        listTenants: jest.fn(async () => []),
        listProjects: jest.fn(async () => []),
      }),
    );
    expect(
      await screen.findByText('No tenants yet — create one'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create tenant' }));
    expect(
      await screen.findByRole('dialog', { name: 'Create tenant' }),
    ).toBeInTheDocument();
  });

  it('validates a new tenant next to the field before sending it', async () => {
    const api = mockApi();
    render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Create tenant' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await user.type(within(dialog).getByLabelText(/^Name\b/), 'Bad_Name');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(helperOf('tenant-name')).toHaveTextContent(
      'name "Bad_Name" is not allowed',
    );
    expect(helperOf('tenant-groups')).toHaveTextContent(
      'pick at least one catalog group',
    );
    expect(api.createTenant).not.toHaveBeenCalled();
  });

  it('creates a tenant with picked and typed group refs', async () => {
    const api = mockApi();
    render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Create tenant' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await user.type(within(dialog).getByLabelText(/^Name\b/), 'ops-team');
    const members = within(dialog).getByLabelText('Member groups');
    await user.type(members, 'Web-Devs{Enter}');
    const admins = within(dialog).getByLabelText('Admin groups');
    await user.click(admins);
    await user.click(
      await screen.findByText('shop-leads (group:default/shop-leads)'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(api.createTenant).toHaveBeenCalledWith({
        name: 'ops-team',
        title: undefined,
        groups: ['group:default/web-devs'],
        adminGroups: ['group:default/shop-leads'],
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.listTenants).toHaveBeenCalledTimes(2);
  });

  it('saves an edited tenant as a whole, so its groups are kept, and says so', async () => {
    const api = mockApi({
      updateTenant: jest.fn(async (_name, update) => ({
        ...webTeam,
        ...update,
      })),
    });
    render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Edit tenant web-team' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit tenant web-team',
    });
    expect(
      within(dialog).getByText(/Saving replaces the tenant's member groups/),
    ).toBeInTheDocument();
    const title = within(dialog).getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Web');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateTenant).toHaveBeenCalledWith('web-team', {
        title: 'Web',
        groups: ['group:default/web-devs'],
        adminGroups: [],
      }),
    );
  });

  it('puts the server 400 next to the field it names, and a 409 above the form', async () => {
    const createTenant = jest
      .fn()
      .mockRejectedValueOnce(
        await serverError(
          400,
          'groups: group:default/ghosts is not a Group in the catalog',
        ),
      )
      .mockRejectedValueOnce(
        await serverError(409, 'tenant "ops-team" already exists'),
      );
    const api = mockApi({ createTenant });
    render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Create tenant' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create tenant' });
    await user.type(within(dialog).getByLabelText(/^Name\b/), 'ops-team');
    await user.type(
      within(dialog).getByLabelText('Member groups'),
      'ghosts{Enter}',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(helperOf('tenant-groups')).toHaveTextContent(
        'groups: group:default/ghosts is not a Group in the catalog',
      ),
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'tenant "ops-team" already exists',
    );
    expect(
      screen.getByRole('dialog', { name: 'Create tenant' }),
    ).toBeInTheDocument();
  });

  it('asks before deleting and shows why the server refused', async () => {
    const api = mockApi({
      deleteTenant: jest.fn(async () => {
        throw await serverError(409, 'tenant "web-team" has projects: web');
      }),
    });
    render(api);
    await user.click(
      await screen.findByRole('button', { name: 'Delete tenant web-team' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete tenant web-team?',
    });
    expect(api.deleteTenant).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'tenant "web-team" has projects: web',
    );
    expect(api.deleteTenant).toHaveBeenCalledWith('web-team');
  });

  it('lists projects with their repository and Argo CD target, read-only from config', async () => {
    render(mockApi());
    await user.click(await screen.findByRole('tab', { name: 'Projects (1)' }));
    const row = (
      await screen.findByText('https://git.example.com/shop/deploy.git')
    ).closest('tr')!;
    expect(
      within(row).getByText('branch main, folder apps'),
    ).toBeInTheDocument();
    expect(within(row).getByText('project default')).toBeInTheDocument();
    expect(within(row).getByText('from app-config')).toBeInTheDocument();
    expect(
      within(row).queryByRole('button', { name: /Delete project/ }),
    ).toBeNull();
  });

  it('validates a project against the shared rules', async () => {
    const api = mockApi();
    render(api);
    await user.click(await screen.findByRole('tab', { name: 'Projects (1)' }));
    await user.click(
      await screen.findByRole('button', { name: 'Create project' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Create project',
    });
    await user.type(within(dialog).getByLabelText(/^Name\b/), 'web');
    await user.type(
      within(dialog).getByLabelText(/GitOps repository URL/),
      'ssh://git@example.com/web.git',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(helperOf('project-repo-url')).toHaveTextContent(
      'repo.url must use http or https',
    );
    expect(helperOf('project-tenant')).toHaveTextContent('tenant is required');
    expect(api.createProject).not.toHaveBeenCalled();
  });

  it('lists the environments of a project and creates one', async () => {
    const api = mockApi();
    render(api);
    await user.click(await screen.findByRole('tab', { name: 'Environments' }));
    const devRow = (
      await screen.findByText('shop-dev', { exact: false })
    ).closest('tr')!;
    expect(within(devRow).getByText('cluster in-cluster')).toBeInTheDocument();
    expect(within(devRow).getByText('from app-config')).toBeInTheDocument();
    expect(within(devRow).queryByRole('button', { name: /Delete/ })).toBeNull();
    const stagingRow = screen
      .getByText('namespace shop-staging')
      .closest('tr')!;
    expect(
      within(stagingRow).getByText('https://kubernetes.default.svc'),
    ).toBeInTheDocument();
    expect(
      within(stagingRow).getByText('yes', { exact: false }),
    ).toBeInTheDocument();
    expect(api.listEnvironments).toHaveBeenCalledWith('shop');

    await user.click(
      screen.getByRole('button', { name: 'Create environment' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Create environment in shop',
    });
    await user.type(within(dialog).getByLabelText(/^Name\b/), 'qa');
    expect(within(dialog).getByLabelText(/^Namespace/)).toHaveValue('shop-qa');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(api.createEnvironment).toHaveBeenCalledWith('shop', {
        name: 'qa',
        title: undefined,
        kind: 'dev',
        destination: { name: 'in-cluster', namespace: 'shop-qa' },
        protected: false,
        deployerGroups: [],
        cluster: undefined,
      }),
    );
    await waitFor(() => expect(api.listEnvironments).toHaveBeenCalledTimes(2));
  });

  it('maps a server 400 on the destination to the namespace field', async () => {
    const api = mockApi({
      createEnvironment: jest.fn(async () => {
        throw await serverError(
          400,
          'destination.namespace "kube-system" is reserved: pick a namespace of the project',
        );
      }),
    });
    render(api);
    await user.click(await screen.findByRole('tab', { name: 'Environments' }));
    await user.click(
      await screen.findByRole('button', { name: 'Create environment' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Create environment in shop',
    });
    await user.type(within(dialog).getByLabelText(/^Name\b/), 'qa');
    const ns = within(dialog).getByLabelText(/^Namespace/);
    await user.clear(ns);
    await user.type(ns, 'kube-system');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(helperOf('environment-namespace')).toHaveTextContent(
        'destination.namespace "kube-system" is reserved',
      ),
    );
  });

  it('deletes a portal environment after confirmation', async () => {
    const api = mockApi();
    render(api);
    await user.click(await screen.findByRole('tab', { name: 'Environments' }));
    await user.click(
      await screen.findByRole('button', { name: 'Delete environment staging' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete environment shop/staging?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(api.deleteEnvironment).toHaveBeenCalledWith('shop', 'staging'),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
  it('edits a portal environment without renaming it', async () => {
    const api = mockApi({
      updateEnvironment: jest.fn(async (_p, name, update) => ({
        ...staging,
        ...update,
        name,
        title: update.title ?? name,
        protected: !!update.protected,
        deployerGroups: update.deployerGroups ?? [],
      })),
    });
    render(api);
    await user.click(await screen.findByRole('tab', { name: 'Environments' }));
    await user.click(
      await screen.findByRole('button', { name: 'Edit environment staging' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit environment shop/staging',
    });
    expect(within(dialog).getByLabelText(/^Name\b/)).toBeDisabled();
    expect(
      within(dialog).getByRole('textbox', { name: /^Server URL/ }),
    ).toHaveValue('https://kubernetes.default.svc');
    const title = within(dialog).getByLabelText(/^Title/);
    await user.clear(title);
    await user.type(title, 'Pre-production');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateEnvironment).toHaveBeenCalledWith('shop', 'staging', {
        title: 'Pre-production',
        kind: 'test',
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'shop-staging',
        },
        protected: true,
        deployerGroups: ['group:default/shop-leads'],
        cluster: undefined,
      }),
    );
  });
});
