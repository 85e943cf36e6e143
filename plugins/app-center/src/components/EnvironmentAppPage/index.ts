export { EnvironmentAppPage } from './EnvironmentAppPage';
