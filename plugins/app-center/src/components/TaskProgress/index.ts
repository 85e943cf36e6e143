export { TaskProgress } from './TaskProgress';
export type { TaskProgressProps } from './TaskProgress';
export { TaskDialog } from './TaskDialog';
export { TaskSteps } from './TaskSteps';
export { useLiveTask } from './useLiveTask';
export { formatAgo, formatDuration } from './time';
export { LastTaskCell } from './LastTaskCell';
