export { EnvironmentPage } from './EnvironmentPage';
export { ProjectsIndex } from './ProjectsIndex';
export { ProjectsPage, ProjectsRoutes } from './ProjectsRoutes';
export { ProjectEnvironmentsCard } from './ProjectEnvironmentsCard';
export { SystemAppCenterContent } from './SystemAppCenterContent';
export { StandaloneProjectsPage } from './StandaloneProjectsPage';
