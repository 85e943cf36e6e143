import { Header, Page } from '@backstage/core-components';
import { AdminPage } from './AdminPage';

/** The admin page with its own header, for apps on the legacy frontend system. */
export const StandaloneAdminPage = () => (
  <Page themeId="tool">
    <Header
      title="App Center"
      subtitle="Admin: tenants, projects and environments"
    />
    <AdminPage />
  </Page>
);
