import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  staging,
  serverError,
  mockApi,
  render,
  helperOf,
} from '../../__testUtils__/adminPageFixtures';

// Dialog tests type a lot; on a busy CI machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('AdminPage', () => {
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(() => {
    user = userEvent.setup({ delay: null });
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
