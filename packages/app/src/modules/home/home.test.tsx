import { screen } from '@testing-library/react';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { homePage } from '.';

const appCenter = PageBlueprint.make({
  name: 'app-center-stand-in',
  params: {
    path: '/app-center',
    loader: async () => <p>App Center projects</p>,
  },
});

describe('home', () => {
  it('opens App Center at / instead of a not-found page', async () => {
    renderTestApp({
      extensions: [homePage, appCenter],
      initialRouteEntries: ['/'],
    });
    expect(await screen.findByText('App Center projects')).toBeInTheDocument();
  });
});
