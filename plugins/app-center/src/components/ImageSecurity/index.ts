export { ImageSecurityTab, SeverityCounts } from './ImageSecurityTab';
