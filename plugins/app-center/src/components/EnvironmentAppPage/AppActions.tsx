import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import type { EnvironmentApp } from '@internal/plugin-app-center-common';
import { AutoscalingDialog, RollbackDialog, ScaleDialog } from '../AppDialogs';
import { WithReason } from '../AppStatus';
import { DeployDialog } from '../DeployDialog';

type Action = 'deploy' | 'scale' | 'autoscaling' | 'rollback';

const LABELS: Record<Action, string> = {
  deploy: 'Deploy',
  scale: 'Scale',
  autoscaling: 'Autoscaling',
  rollback: 'Rollback',
};

/** The header actions of an environment app; disabled with the reason when the user may not act. */
export const AppActions = (props: {
  project: string;
  env: string;
  app: EnvironmentApp;
  /** Why the user may not act, when they may not. */
  reason?: string;
  onFinished(): void;
}) => {
  const { project, env, app, onFinished } = props;
  const [open, setOpen] = useState<Action>();
  let reason = props.reason;
  if (!reason && app.state !== 'associated') {
    reason = 'The app is not fully associated here (see its state)';
  }
  const close = () => {
    setOpen(undefined);
    onFinished();
  };
  const common = { project, env, app: app.name, onClose: close, onFinished };
  return (
    <Box display="flex" gridGap={8}>
      {(Object.keys(LABELS) as Action[]).map(action => {
        const button = (
          <Button
            key={action}
            variant={action === 'deploy' ? 'contained' : 'outlined'}
            color="primary"
            disabled={!!reason}
            onClick={() => setOpen(action)}
          >
            {LABELS[action]}
          </Button>
        );
        return (
          <WithReason key={action} label={LABELS[action]} reason={reason}>
            {button}
          </WithReason>
        );
      })}
      {open === 'deploy' && (
        <DeployDialog
          project={project}
          env={env}
          apps={[app]}
          onClose={close}
          onFinished={onFinished}
        />
      )}
      {open === 'scale' && <ScaleDialog {...common} />}
      {open === 'autoscaling' && <AutoscalingDialog {...common} />}
      {open === 'rollback' && (
        <RollbackDialog {...common} currentImages={app.images.manifest} />
      )}
    </Box>
  );
};
