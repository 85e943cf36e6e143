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
export { EnvironmentLabel, byStage } from './EnvironmentLabel';
export { AppStateChip } from './AppStateChip';
export { CHECKING_ACCESS, WithReason, deniedReason } from './capabilities';
export { RecreateApplicationButton } from './RecreateApplicationButton';
