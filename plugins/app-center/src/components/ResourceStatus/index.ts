export { ResourceStatusTab } from './ResourceStatusTab';
export { LogViewer } from './LogViewer';
