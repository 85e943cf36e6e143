export {
  HealthChip,
  StatusChip,
  SyncChip,
  TaskStatusChip,
  isActive,
} from './StatusChip';
export type { Tone } from './StatusChip';
export { ImagesCell } from './ImagesCell';
export { compareImages, parseImage, shortName, versionOf } from './images';
export type { ImageComparison, ImageParts } from './images';
export { useTaskSignals } from './useTaskSignals';
export { useAppCenterLinks } from './useAppCenterLinks';
export { EnvironmentLabel, byStage, protectedReason } from './EnvironmentLabel';
export { AppStateChip } from './AppStateChip';
export { useDeployAccess } from './useDeployAccess';
export type { DeployAccess } from './useDeployAccess';
