export { readRegistryConfig } from './config';
export type {
  RegistryConfig,
  RegistryHostConfig,
  RegistryTagsConfig,
} from './config';
export { RegistryUpstreamError } from './errors';
export { parseRegistryImage, normalizeRegistryHost } from './image';
export { OciRegistryClient } from './OciRegistryClient';
export { RegistryService } from './RegistryService';
export type { ImageTag, ImageTagPage, TagOrder } from './RegistryService';
export { projectRegistries } from './projectRegistries';
export type { ProjectRegistries } from './projectRegistries';
