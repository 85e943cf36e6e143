import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { appCenterApiRef } from '../../api';
import { fakeApi, task } from '../../__testUtils__/fakeAppCenterApi';
import { RollbackDialog } from './RollbackDialog';
import { checkAutoscaling } from './AutoscalingDialog';

const history = [
  {
    id: 3,
    revision: 'ccccccccdddd',
    deployedAt: '2025-01-03T00:00:00Z',
    images: [
      'registry.example.com/shop/web:1.3',
      'registry.example.com/shop/proxy:2',
    ],
    author: { name: 'Alice', email: 'alice@example.com' },
    message: 'deploy 1.3',
  },
  {
    id: 2,
    revision: 'bbbbbbbbeeee',
    deployedAt: '2025-01-02T00:00:00Z',
    images: [
      'registry.example.com/shop/web:1.2',
      'registry.example.com/shop/proxy:2',
    ],
    message: 'deploy 1.2',
  },
];

describe('RollbackDialog', () => {
  it('previews the images at the chosen revision against now, then rolls back', async () => {
    const api = fakeApi({
      getAppHistory: async () => history,
      rollbackApp: async () => task({ kind: 'rollback' }),
    });
    await renderInTestApp(
      <RollbackDialog
        project="shop"
        env="dev"
        app="web"
        currentImages={history[0].images}
        onClose={jest.fn()}
      />,
      { apis: [[appCenterApiRef, api]] },
    );
    const current = await screen.findByLabelText(/^cccccccc .*\(current\)$/);
    expect(current).toBeDisabled();
    await userEvent.click(screen.getByLabelText(/^bbbbbbbb/));
    const table = screen.getByRole('table', { name: 'Image changes' });
    const web = within(table)
      .getByText('registry.example.com/shop/web')
      .closest('tr')!;
    expect(web).toHaveTextContent('1.31.2 (changes)');
    const proxy = within(table)
      .getByText('registry.example.com/shop/proxy')
      .closest('tr')!;
    expect(proxy).not.toHaveTextContent('(changes)');

    await userEvent.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(api.rollbackApp).toHaveBeenCalledWith(
      'shop',
      'dev',
      'web',
      'bbbbbbbbeeee',
    );
    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'Task t-1' }),
      ).toBeInTheDocument(),
    );
  });

  it('asks for a revision first', async () => {
    const api = fakeApi({ getAppHistory: async () => history });
    await renderInTestApp(
      <RollbackDialog
        project="shop"
        env="dev"
        app="web"
        currentImages={[]}
        onClose={jest.fn()}
      />,
      { apis: [[appCenterApiRef, api]] },
    );
    await screen.findByLabelText(/^bbbbbbbb/);
    await userEvent.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Pick the revision to roll back to',
    );
    expect(api.rollbackApp).not.toHaveBeenCalled();
  });
});

describe('checkAutoscaling', () => {
  it('needs 1 <= min <= max and a CPU or memory target', () => {
    const ok = {
      minReplicas: '1',
      maxReplicas: '3',
      cpuUtilization: '80',
      memoryUtilization: '',
    };
    expect(Object.values(checkAutoscaling(ok)).filter(Boolean)).toEqual([]);
    expect(checkAutoscaling({ ...ok, minReplicas: '4' }).maxReplicas).toBe(
      'maxReplicas must be at least minReplicas',
    );
    expect(checkAutoscaling({ ...ok, minReplicas: '0' }).minReplicas).toMatch(
      /between 1/,
    );
    expect(
      checkAutoscaling({ ...ok, cpuUtilization: '' }).cpuUtilization,
    ).toMatch(/CPU or a memory/);
  });
});
