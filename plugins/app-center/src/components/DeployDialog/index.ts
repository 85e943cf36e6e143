export { DeployDialog } from './DeployDialog';
export type { DeployDialogProps } from './DeployDialog';
export { checkTag } from './ociTag';
