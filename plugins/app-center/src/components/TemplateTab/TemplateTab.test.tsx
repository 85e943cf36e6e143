import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { ProjectTemplatesTab } from './ProjectTemplates';
import { TemplateTab } from './TemplateTab';
import { diffLineKind } from './UnifiedDiff';
import { starterProblems } from './StarterForm';
import {
  adminsOnly,
  asAdmin,
  deployment,
  mockApi,
  notFound,
  R1,
  R2,
  R3,
  render,
  serverError,
  service,
} from '../../__testUtils__/templateApi';

jest.setTimeout(30_000);

const editor = (path: string) =>
  screen.getByLabelText(`Content of ${path}`) as HTMLTextAreaElement;

describe('TemplateContent', () => {
  it('lists the files and shows them read-only to members', async () => {
    const api = mockApi({}, false);
    await render(api);
    expect(await screen.findByText('Template shop/web')).toBeInTheDocument();
    const files = screen.getByRole('list', { name: 'Template files' });
    expect(within(files).getByText('deployment.yaml')).toBeInTheDocument();
    expect(within(files).getByText('service.yaml')).toBeInTheDocument();
    expect(editor('deployment.yaml').value).toBe(deployment);
    expect(editor('deployment.yaml')).toHaveAttribute('readonly');
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(`Read only: ${adminsOnly.reason}`),
    ).toBeInTheDocument();
  });

  it('saves an edit with the revision it started from and the commit message', async () => {
    const api = mockApi();
    await render(api);
    const text = await screen.findByLabelText('Content of deployment.yaml');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    fireEvent.change(text, {
      target: { value: deployment.replace('replicas: 1', 'replicas: 3') },
    });
    await userEvent.type(
      screen.getByLabelText('Commit message'),
      'three replicas',
    );
    api.getTemplateFiles.mockResolvedValueOnce({
      capabilities: asAdmin,
      revision: R2,
      files: [
        {
          path: 'deployment.yaml',
          content: deployment.replace('replicas: 1', 'replicas: 3'),
        },
        { path: 'service.yaml', content: service },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved as 22222222')).toBeInTheDocument();
    expect(api.putTemplateFiles).toHaveBeenCalledWith('shop', 'web', {
      files: [
        {
          path: 'deployment.yaml',
          content: deployment.replace('replicas: 1', 'replicas: 3'),
        },
      ],
      deleted: [],
      baseRevision: R1,
      message: 'three replicas',
    });
  });

  it('shows validation problems at their line and lists them', async () => {
    const api = mockApi({
      putTemplateFiles: jest.fn(async () => {
        throw await serverError(400, {
          name: 'InputError',
          message:
            'invalid manifests: service.yaml:4:3: Map keys must be unique',
          issues: [
            {
              path: 'service.yaml',
              line: 4,
              column: 3,
              message: 'Map keys must be unique',
            },
          ],
        });
      }),
    });
    await render(api);
    await screen.findByLabelText('Content of deployment.yaml');
    await userEvent.click(screen.getByText('service.yaml'));
    fireEvent.change(editor('service.yaml'), {
      target: { value: `${service}  name: other\n` },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Line 4, column 3: Map keys must be unique'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The manifests have 1 problem; nothing was saved/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('issue-line-4')).toHaveAttribute(
      'title',
      'Map keys must be unique',
    );
    expect(screen.getByText('1 problem')).toBeInTheDocument();
  });

  it('on a 409 shows both versions, then reloads and re-applies the edit on the new revision', async () => {
    const theirs = deployment.replace('replicas: 1', 'replicas: 2');
    const mine = deployment.replace('replicas: 1', 'replicas: 5');
    const api = mockApi({
      putTemplateFiles: jest
        .fn()
        .mockRejectedValueOnce(
          await serverError(409, {
            name: 'ConflictError',
            message: `deployment.yaml changed since revision ${R1}; the branch is now at ${R2}`,
            baseRevision: R1,
            headRevision: R2,
            files: ['deployment.yaml'],
          }),
        )
        .mockResolvedValueOnce({
          revision: R3,
          parent: R2,
          committed: true,
          files: ['deployment.yaml'],
        }),
    });
    await render(api);
    fireEvent.change(
      await screen.findByLabelText('Content of deployment.yaml'),
      { target: { value: mine } },
    );
    api.getTemplateFiles.mockResolvedValueOnce({
      capabilities: asAdmin,
      revision: R2,
      files: [
        { path: 'deployment.yaml', content: theirs },
        { path: 'service.yaml', content: service },
      ],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        /Someone else changed deployment.yaml after you opened them/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /you started from 11111111, the template is now at 22222222/,
      ),
    ).toBeInTheDocument();
    expect(editor('deployment.yaml (theirs)').value).toBe(theirs);
    expect(editor('deployment.yaml (yours)').value).toBe(mine);

    await userEvent.click(
      screen.getByRole('button', { name: 'Reload and re-apply my edit' }),
    );
    expect(
      screen.getByText(/Reloaded at 22222222 with your edit re-applied/),
    ).toBeInTheDocument();
    expect(editor('deployment.yaml').value).toBe(mine);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.putTemplateFiles).toHaveBeenCalledTimes(2));
    expect(api.putTemplateFiles.mock.calls[1][2]).toMatchObject({
      baseRevision: R2,
      files: [{ path: 'deployment.yaml', content: mine }],
    });
  });

  it('can drop the edit after a 409', async () => {
    const theirs = deployment.replace('replicas: 1', 'replicas: 2');
    const api = mockApi({
      putTemplateFiles: jest.fn(async () => {
        throw await serverError(409, {
          name: 'ConflictError',
          message: 'changed',
          baseRevision: R1,
          headRevision: R2,
          files: ['deployment.yaml'],
        });
      }),
    });
    await render(api);
    fireEvent.change(
      await screen.findByLabelText('Content of deployment.yaml'),
      { target: { value: 'x: 1\n' } },
    );
    api.getTemplateFiles.mockResolvedValueOnce({
      capabilities: asAdmin,
      revision: R2,
      files: [{ path: 'deployment.yaml', content: theirs }],
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Drop my edit' }),
    );
    expect(editor('deployment.yaml').value).toBe(theirs);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('adds and deletes files in one save', async () => {
    const api = mockApi();
    await render(api);
    await screen.findByLabelText('Content of deployment.yaml');
    await userEvent.type(screen.getByLabelText('New file'), '../evil.yaml');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/is not a manifest path/)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('New file'));
    await userEvent.type(screen.getByLabelText('New file'), 'config.yaml');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.change(editor('config.yaml'), {
      target: {
        value: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
      },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete service.yaml' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.putTemplateFiles).toHaveBeenCalled());
    expect(api.putTemplateFiles.mock.calls[0][2]).toMatchObject({
      files: [
        {
          path: 'config.yaml',
          content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
        },
      ],
      deleted: ['service.yaml'],
    });
  });

  it('offers the starter form to admins when there is no template, and creates it', async () => {
    const api = mockApi();
    api.getTemplateFiles.mockImplementationOnce(async () => {
      throw await notFound();
    });
    await render(api);
    expect(await screen.findByText('Start shop/web')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Create template' }),
    );
    expect(screen.getByText(/An image is needed/)).toBeInTheDocument();
    expect(api.createTemplate).not.toHaveBeenCalled();
    await userEvent.type(
      screen.getByLabelText(/Image/),
      'registry.example.com/shop/web:1.0',
    );
    await userEvent.clear(screen.getByLabelText('Replicas'));
    await userEvent.type(screen.getByLabelText('Replicas'), '2');
    await userEvent.click(
      screen.getByRole('button', { name: 'Create template' }),
    );
    await waitFor(() =>
      expect(api.createTemplate).toHaveBeenCalledWith('shop', {
        name: 'web',
        description: undefined,
        starter: {
          image: 'registry.example.com/shop/web:1.0',
          port: 8080,
          replicas: 2,
        },
        message: undefined,
      }),
    );
    // After creation the files are loaded again and the editor shows.
    expect(
      await screen.findByLabelText('Content of deployment.yaml'),
    ).toBeInTheDocument();
  });

  it('tells members that no template exists yet', async () => {
    const api = mockApi(
      {
        getTemplateFiles: jest.fn(async () => {
          throw await notFound();
        }),
      },
      false,
    );
    await render(api);
    expect(
      await screen.findByText('No template for shop/web yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`You may not create it here: ${adminsOnly.reason}`),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create template' }),
    ).not.toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    const api = mockApi({
      getTemplateFiles: jest.fn(async () => {
        throw await serverError(502, {
          name: 'GitUpstreamError',
          message: 'git host git.example.com unreachable (ECONNREFUSED)',
        });
      }),
    });
    await render(api);
    expect(
      await screen.findByText(/git host git.example.com unreachable/),
    ).toBeInTheDocument();
  });
});

describe('entity tabs', () => {
  const component = (annotation?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'web',
      annotations: annotation ? { 'app-center.io/app': annotation } : {},
    },
    spec: {},
  });

  it('reads project and app from the Component annotation', async () => {
    const api = mockApi();
    await render(
      api,
      <EntityProvider entity={component('shop/web')}>
        <TemplateTab />
      </EntityProvider>,
    );
    await screen.findByLabelText('Content of deployment.yaml');
    expect(api.getTemplateFiles).toHaveBeenCalledWith('shop', 'web');
  });

  it('explains a malformed annotation', async () => {
    await render(
      mockApi(),
      <EntityProvider entity={component('web')}>
        <TemplateTab />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('The app annotation is not <project>/<app>'),
    ).toBeInTheDocument();
  });

  it('lists the templates of a System’s project, or says there are none', async () => {
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'shop',
        annotations: { 'app-center.io/project': 'shop' },
      },
      spec: {},
    };
    const api = mockApi({
      listTemplates: jest.fn(async () => ({
        capabilities: asAdmin,
        revision: R1,
        items: [
          {
            name: 'web',
            description: 'Web shop',
            files: ['deployment.yaml', 'service.yaml'],
            kinds: ['Deployment', 'Service'],
            images: ['registry.example.com/shop/web:1.0'],
            invalidFiles: [],
          },
          {
            name: 'worker',
            files: ['job.yaml'],
            kinds: ['CronJob'],
            images: ['busybox:1'],
            invalidFiles: ['job.yaml'],
          },
        ],
      })),
    });
    await render(
      api,
      <EntityProvider entity={system}>
        <ProjectTemplatesTab />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('Templates of shop (2)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Web shop')).toBeInTheDocument();
    expect(
      screen.getByText('registry.example.com/shop/web:1.0'),
    ).toBeInTheDocument();
    expect(screen.getByText('does not parse: job.yaml')).toBeInTheDocument();

    await render(
      mockApi(),
      <EntityProvider entity={system}>
        <ProjectTemplatesTab />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('Project shop has no templates yet'),
    ).toBeInTheDocument();
  });
});

describe('helpers', () => {
  it('classifies unified diff lines', () => {
    expect(
      ['--- a/x', '+++ b/x', '@@ -1 +1 @@', '+a', '-b', ' c'].map(diffLineKind),
    ).toEqual(['header', 'header', 'hunk', 'added', 'removed', 'context']);
  });

  it('checks the starter answers', () => {
    expect(
      starterProblems({ image: 'web:1', port: '8080', replicas: '1' }),
    ).toEqual({});
    expect(
      Object.keys(
        starterProblems({ image: '', port: '0', replicas: '-1' }),
      ).sort(),
    ).toEqual(['image', 'port', 'replicas']);
  });
});
