import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The sign-in page. It offers the guest provider, which the backend only accepts where
 * `auth.providers.guest` is configured (local development and tests); a production portal replaces
 * this module with its own identity provider.
 */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage } = await import('@backstage/core-components');
      return props => (
        <SignInPage
          {...props}
          title="Sign in to App Center"
          align="center"
          providers={['guest']}
        />
      );
    },
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
