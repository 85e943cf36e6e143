import { Route, Routes, useParams } from 'react-router-dom';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { EnvironmentAppPage } from '../EnvironmentAppPage';
import { EnvironmentPage } from './EnvironmentPage';
import { ProjectsIndex } from './ProjectsIndex';

const EnvironmentRoute = () => {
  const { project = '', env = '' } = useParams();
  return (
    <EnvironmentPage key={`${project}/${env}`} project={project} env={env} />
  );
};

const EnvironmentAppRoute = () => {
  const { project = '', env = '', app = '' } = useParams();
  return (
    <EnvironmentAppPage
      key={`${project}/${env}/${app}`}
      project={project}
      env={env}
      app={app}
    />
  );
};

/** The routes of the `/app-center/projects` sub-page. */
export const ProjectsRoutes = () => (
  <Routes>
    <Route path="/" element={<ProjectsIndex />} />
    <Route path=":project/environments/:env" element={<EnvironmentRoute />} />
    <Route
      path=":project/environments/:env/apps/:app"
      element={<EnvironmentAppRoute />}
    />
  </Routes>
);

/** The `/app-center/projects` sub-page with its own router scope. */
export const ProjectsPage = () => (
  <ReactRouterV6PageRouter>
    <ProjectsRoutes />
  </ReactRouterV6PageRouter>
);
