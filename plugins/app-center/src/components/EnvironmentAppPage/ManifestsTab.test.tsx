import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { appCenterApiRef } from '../../api';
import {
  fakeApi,
  responseError,
  task,
} from '../../__testUtils__/fakeAppCenterApi';
import { ManifestsTab } from './ManifestsTab';

const files = {
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
      screen.getByLabelText('Commit message (optional)'),
      'three replicas',
    );
    await userEvent.click(screen.getByRole('button', { name: /Save 1 file/ }));
    await waitFor(() => expect(api.putAppFiles).toHaveBeenCalled());
    expect(api.putAppFiles).toHaveBeenCalledWith('shop', 'dev', 'web', {
      files: [
        {
          path: 'deployment.yaml',
          content: `${files.files[0].content}spec:\n  replicas: 3\n`,
        },
      ],
      baseRevision: files.revision,
      message: 'three replicas',
      sync: true,
    });
    expect(onSaved).toHaveBeenCalled();
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
    await userEvent.click(screen.getByRole('button', { name: /Save 1 file/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'deployment.yaml:2:1 metadata.name is required',
    );
    expect(screen.getByText('1 problem(s)')).toBeInTheDocument();
  });

  it('offers to reload when someone else changed the files first (409), dropping nothing silently', async () => {
    const { api } = await render({
      putAppFiles: async () => {
        throw await responseError(
          409,
          'the files changed since aaaaaaa: now at bbbbbbb',
        );
      },
    });
    const text = await editor('service.yaml').catch(() => undefined);
    expect(text).toBeUndefined(); // the first file is shown first
    await userEvent.click(screen.getByText('service.yaml'));
    const service = await editor('service.yaml');
    fireEvent.change(service, { target: { value: 'kind: Service\n' } });
    await userEvent.click(screen.getByRole('button', { name: /Save 1 file/ }));
    expect(
      await screen.findByText(
        /Someone changed these files since you opened them/,
      ),
    ).toBeInTheDocument();
    // the edit stays until the user reloads
    expect(service.value).toBe('kind: Service\n');
    await userEvent.click(
      screen.getByRole('button', { name: 'Reload (drop my edits)' }),
    );
    await waitFor(() => expect(api.getAppFiles).toHaveBeenCalledTimes(2));
  });

  it('is read-only for people who may not change the environment', async () => {
    await render({}, false);
    expect((await editor('deployment.yaml')).readOnly).toBe(true);
  });
});
