export { TrivyOperatorProvider } from './TrivyOperatorProvider';
export { readTrivyOperatorClusters } from './config';
export type { TrivyOperatorCluster } from './config';
