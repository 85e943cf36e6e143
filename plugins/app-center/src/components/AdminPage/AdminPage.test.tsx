import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  webTeam,
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
});
