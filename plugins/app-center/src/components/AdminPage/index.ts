export { AdminPage } from './AdminPage';
export { StandaloneAdminPage } from './StandaloneAdminPage';
