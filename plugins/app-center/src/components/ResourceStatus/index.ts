export { ResourceStatusTab } from './ResourceStatusTab';
export { LogViewer } from './LogViewer';
export { WhyOutOfSync } from './WhyOutOfSync';
