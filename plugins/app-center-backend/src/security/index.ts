export {
  ImageSecurityService,
  NO_PROVIDER_MESSAGE,
} from './ImageSecurityService';
export type { ImageSecurity } from './ImageSecurityService';
export { countSeverities, SEVERITIES, rankOf } from './summarise';
export { ImagePolicy, readImagePolicies } from './ImagePolicy';
