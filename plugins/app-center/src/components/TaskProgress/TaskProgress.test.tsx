import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { appCenterApiRef } from '../../api';
import {
  fakeApi,
  responseError,
  task,
} from '../../__testUtils__/fakeAppCenterApi';
import { TaskProgress } from './TaskProgress';

function signals() {
  const listeners: Array<(m: any) => void> = [];
  return {
    api: {
      subscribe: (_channel: string, cb: (m: any) => void) => {
        listeners.push(cb);
        return { unsubscribe: () => {} };
      },
    },
    push: (message: any) => act(() => listeners.forEach(l => l(message))),
  };
}

describe('TaskProgress', () => {
  it('shows the status and each step with its message and duration', async () => {
    const api = fakeApi();
    await renderInTestApp(<TaskProgress taskId="t-1" />, {
      apis: [[appCenterApiRef, api]],
    });
    expect(
      await screen.findByText('deploy · shop/dev: web'),
    ).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Task steps' });
    expect(
      within(steps).getByLabelText('Commit the new tags: succeeded'),
    ).toHaveTextContent('committed abc1234 · 3s');
    expect(
      within(steps).getByLabelText('Sync and wait until healthy: running'),
    ).toHaveTextContent('web');
    expect(screen.getByRole('button', { name: 'Cancel task' })).toBeEnabled();
  });

  it('is updated live by a signal and reports the outcome once', async () => {
    const live = signals();
    let current = task();
    const api = fakeApi({ getTask: async () => current });
    const onFinished = jest.fn();
    await renderInTestApp(
      <TaskProgress taskId="t-1" onFinished={onFinished} />,
      {
        apis: [
          [appCenterApiRef, api],
          [signalApiRef, live.api],
        ],
      },
    );
    expect(await screen.findByText('running')).toBeInTheDocument();
    current = task({
      status: 'failed',
      error: 'web did not become healthy: ImagePullBackOff',
      finishedAt: '2025-01-01T00:01:00Z',
    });
    live.push({ id: 't-1', kind: 'deploy', status: 'failed', project: 'shop' });
    expect(
      await screen.findByText('web did not become healthy: ImagePullBackOff'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel task' })).toBeNull();
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(onFinished.mock.calls[0][0].status).toBe('failed');
  });

  it('cancels the task', async () => {
    const api = fakeApi({
      cancelTask: async () => task({ cancelRequested: true }),
    });
    await renderInTestApp(<TaskProgress taskId="t-1" />, {
      apis: [[appCenterApiRef, api]],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel task' }),
    );
    expect(api.cancelTask).toHaveBeenCalledWith('t-1');
    expect(
      await screen.findByRole('button', { name: 'Cancelling…' }),
    ).toBeDisabled();
  });

  it("shows the backend's refusal to cancel", async () => {
    const api = fakeApi({
      cancelTask: async () => {
        throw await responseError(
          403,
          'only the requester, admins of tenant "shop-team" or deployers of the environment may cancel task t-1',
        );
      },
    });
    await renderInTestApp(<TaskProgress taskId="t-1" />, {
      apis: [[appCenterApiRef, api]],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel task' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'only the requester, admins of tenant "shop-team"',
    );
  });
});
