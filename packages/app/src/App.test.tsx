import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('starts and offers guest sign-in', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test', baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      await screen.findByText('Sign in to App Center', {}, { timeout: 15000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
  });
});
