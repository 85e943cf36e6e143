import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { appCenterApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeAppCenterApi';
import { DeployHistoryTab } from './DeployHistoryTab';

describe('DeployHistoryTab', () => {
  it('tells an edit saved in the portal from a push outside it', async () => {
    const api = fakeApi({
      getAppHistory: async () => [
        {
          id: 2,
          revision: 'b'.repeat(40),
          images: [],
          author: { name: 'alice', email: 'alice@example.com' },
          message: 'app-center: edit shop/dev/web',
          viaPortal: true,
        },
        {
          id: 1,
          revision: 'a'.repeat(40),
          images: [],
          author: { name: 'mallory', email: 'mallory@example.com' },
          message: 'pushed by hand',
        },
      ],
    });
    await renderInTestApp(
      <DeployHistoryTab project="shop" env="dev" app="web" version={0} />,
      { apis: [[appCenterApiRef, api]] },
    );
    const saved = (await screen.findByText('bbbbbbbb')).closest('tr')!;
    expect(saved).toHaveTextContent('saved in the portal');
    const pushed = screen.getByText('aaaaaaaa').closest('tr')!;
    expect(pushed).toHaveTextContent('outside the portal');
  });
});
