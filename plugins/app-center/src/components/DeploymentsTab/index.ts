export { DeploymentsTab, parseAppAnnotation } from './DeploymentsTab';
export { associateReason, deployReason } from './DeploymentsTable';
