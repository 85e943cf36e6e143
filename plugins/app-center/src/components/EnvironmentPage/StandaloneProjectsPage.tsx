import { Header, Page } from '@backstage/core-components';
import { ProjectsRoutes } from './ProjectsRoutes';

/**
 * The projects, environment and environment app pages with their own header, for apps on the legacy
 * frontend system (route it at `/app-center/projects/*`).
 */
export const StandaloneProjectsPage = () => (
  <Page themeId="tool">
    <Header title="App Center" subtitle="Projects, environments and apps" />
    <ProjectsRoutes />
  </Page>
);
