export { DeploymentsTab } from './DeploymentsTab';
export { associateReason, deployReason } from './DeploymentsTable';
