import type { TaskKind } from '../../tasks/types';
import type { DeployEngineDeps } from '../types';
import { autoscalingTaskKind } from './autoscalingKind';
import { deployTaskKind } from './deployKind';
import { rollbackTaskKind } from './rollbackKind';
import { scaleTaskKind } from './scaleKind';
import { syncTaskKind } from './syncKind';
import { deleteResourceTaskKind } from '../../resources/deleteResourceKind';

export { deployStepId } from './deployKind';

/** The deploy engine's task kinds, one module each: adding a kind is one line here. */
export const deployTaskKinds = (deps: DeployEngineDeps): TaskKind<any>[] => [
  deployTaskKind(deps),
  scaleTaskKind(deps),
  autoscalingTaskKind(deps),
  rollbackTaskKind(deps),
  syncTaskKind(deps),
  deleteResourceTaskKind(deps),
];
