import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { appCenterApiRef } from '../../api';
import {
  capabilities,
  fakeApi,
  responseError,
  task,
} from '../../__testUtils__/fakeAppCenterApi';
import { ManifestsTab } from './ManifestsTab';

const files = {
  capabilities: capabilities(),
  revision: 'a'.repeat(40),
  files: [
    {
      path: 'deployment.yaml',
      content: 'kind: Deployment\nmetadata:\n  name: web\n',
    },
    {
      path: 'service.yaml',
      content: 'kind: Service\nmetadata:\n  name: web\n',
    },
  ],
};

async function render(
  overrides: Parameters<typeof fakeApi>[0] = {},
  canEdit = true,
) {
  const api = fakeApi({ getAppFiles: async () => files, ...overrides });
  const onSaved = jest.fn();
  await renderInTestApp(
    <ManifestsTab
      project="shop"
      env="dev"
      app="web"
      canEdit={canEdit}
      onSaved={onSaved}
    />,
    { apis: [[appCenterApiRef, api]] },
  );
  return { api, onSaved };
}

const editor = (path: string) =>
  screen.findByLabelText(`Content of ${path}`) as Promise<HTMLTextAreaElement>;

describe('ManifestsTab', () => {
  it('saves the edited files as one write from the revision it read, syncing after, and shows the task', async () => {
    const { api, onSaved } = await render({
      putAppFiles: async () => ({
        revision: 'b'.repeat(40),
        parent: files.revision,
        committed: true,
        files: [],
        task: task({ id: 'sync-1', kind: 'sync', status: 'running' }),
      }),
    });
    const text = await editor('deployment.yaml');
    fireEvent.change(text, {
      target: { value: `${text.value}spec:\n  replicas: 3\n` },
    });
    await userEvent.type(
      screen.getByLabelText('Commit message'),
      'three replicas',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.putAppFiles).toHaveBeenCalled());
    expect(api.putAppFiles).toHaveBeenCalledWith('shop', 'dev', 'web', {
      files: [
        {
          path: 'deployment.yaml',
          content: `${files.files[0].content}spec:\n  replicas: 3\n`,
        },
      ],
      deleted: [],
      baseRevision: files.revision,
      message: 'three replicas',
      sync: true,
    });
    expect(onSaved).toHaveBeenCalled();
    expect(await screen.findByText('Saved as bbbbbbbb')).toBeInTheDocument();
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('shows the backend’s manifest problems at their file and line', async () => {
    await render({
      putAppFiles: async () => {
        throw await responseError(400, 'deployment.yaml: 1 problem', {
          issues: [
            {
              path: 'deployment.yaml',
              line: 2,
              column: 1,
              message: 'metadata.name is required',
            },
          ],
        });
      },
    });
    const text = await editor('deployment.yaml');
    fireEvent.change(text, {
      target: { value: 'kind: Deployment\nmetadata: {}\n' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The manifests have 1 problem; nothing was saved.',
    );
    // Shown once, at its line: in the editor's gutter and the list under it, not again in the alert.
    expect(
      screen.getAllByText(/metadata.name is required/).map(e => e.textContent),
    ).toEqual(['Line 2, column 1: metadata.name is required']);
    expect(screen.getByTestId('issue-line-2')).toHaveAttribute(
      'title',
      'metadata.name is required',
    );
    expect(screen.getByText('1 problem')).toBeInTheDocument();
  });

  it('on a 409 compares both versions, then reloads and re-applies the edit on the new revision', async () => {
    const theirs = {
      revision: 'c'.repeat(40),
      files: [
        files.files[0],
        {
          path: 'service.yaml',
          content: 'kind: Service\nmetadata:\n  name: web2\n',
        },
      ],
    };
    const getAppFiles = jest
      .fn()
      .mockResolvedValueOnce(files)
      .mockResolvedValue(theirs);
    const putAppFiles = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          409,
          'the files changed since aaaaaaa: now at ccccccc',
        ),
      )
      .mockResolvedValueOnce({
        revision: 'd'.repeat(40),
        parent: theirs.revision,
        committed: true,
        files: ['service.yaml'],
      });
    const { api } = await render({ getAppFiles, putAppFiles });
    // the first file is shown first, the second only once it is chosen
    await editor('deployment.yaml');
    expect(screen.queryByLabelText('Content of service.yaml')).toBeNull();
    await userEvent.click(screen.getByText('service.yaml'));
    const service = await editor('service.yaml');
    fireEvent.change(service, { target: { value: 'kind: Service\n' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        /Someone else changed service.yaml after you opened them/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /you started from aaaaaaaa, web in dev is now at cccccccc/,
      ),
    ).toBeInTheDocument();
    // nothing is dropped silently: both versions side by side
    expect((await editor('service.yaml (theirs)')).value).toBe(
      theirs.files[1].content,
    );
    expect((await editor('service.yaml (yours)')).value).toBe(
      'kind: Service\n',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Reload and re-apply my edit' }),
    );
    expect((await editor('service.yaml')).value).toBe('kind: Service\n');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.putAppFiles).toHaveBeenCalledTimes(2));
    expect(api.putAppFiles.mock.calls[1][3]).toMatchObject({
      baseRevision: theirs.revision,
      files: [{ path: 'service.yaml', content: 'kind: Service\n' }],
    });
  });

  it('is read-only for people who may not change the environment', async () => {
    await render({}, false);
    expect((await editor('deployment.yaml')).readOnly).toBe(true);
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
  });
});
