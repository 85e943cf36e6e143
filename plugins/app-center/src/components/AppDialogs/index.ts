export { AutoscalingDialog, checkAutoscaling } from './AutoscalingDialog';
export { RollbackDialog } from './RollbackDialog';
export { ScaleDialog, checkInt } from './ScaleDialog';
export { TaskFormDialog } from './TaskFormDialog';
export { previewRollback } from './rollbackPreview';
