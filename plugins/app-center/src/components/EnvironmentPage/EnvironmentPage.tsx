import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import type { EnvironmentApp } from '@internal/plugin-app-center-common';
import { EnvironmentLabel, WithReason, deniedReason } from '../AppStatus';
import { DeployDialog } from '../DeployDialog';
import { PlatformAppsTable, canSelect } from './PlatformAppsTable';
import { StoreAppsTable } from './StoreAppsTable';
import { useEnvironment, useEnvironmentApps } from './useEnvironmentApps';

/** A project's environment: its platform apps (batch deploy) and store apps. */
export const EnvironmentPage = (props: { project: string; env: string }) => {
  const { project, env } = props;
  const environment = useEnvironment(project, env);
  const apps = useEnvironmentApps(project, env);
  const [selected, setSelected] = useState<EnvironmentApp[]>([]);
  const [deploying, setDeploying] = useState<EnvironmentApp[]>();

  if (environment.loading || (apps.loading && !apps.value)) {
    return <Progress />;
  }
  if (environment.error) {
    return <ResponseErrorPanel error={environment.error} />;
  }
  const envInfo = environment.value!;
  // Whether the caller may deploy here comes with the list (the backend's access resolver decides).
  const denied = deniedReason(apps.value?.capabilities.deploy);
  const canDeploy = !denied;
  const deployable = selected.filter(canSelect);
  const reason =
    denied ??
    (deployable.length ? undefined : 'Select the apps to deploy first');

  const deployButton = (
    <Button
      variant="contained"
      color="primary"
      disabled={!!reason}
      onClick={() => setDeploying(deployable)}
    >
      Deploy selected ({deployable.length})
    </Button>
  );

  let body: JSX.Element;
  if (apps.error) {
    body = <ResponseErrorPanel error={apps.error} />;
  } else if (!apps.value) {
    body = <Progress />;
  } else {
    const { platformApps, storeApps, warnings } = apps.value;
    body = (
      <>
        {!!warnings?.length && (
          <Box mb={2}>
            <WarningPanel
              severity="warning"
              title="Some of the state could not be read"
              message={warnings.join('\n')}
            />
          </Box>
        )}
        <Box mb={3}>
          {platformApps.length === 0 ? (
            <EmptyState
              missing="data"
              title={`No apps in ${project}/${env} yet`}
              description="Associate an app from its component's Deployments tab in the catalog: its template is copied here and an Argo CD Application is created."
            />
          ) : (
            <PlatformAppsTable
              {...{ project, env }}
              apps={platformApps}
              selectable={canDeploy}
              onSelectionChange={setSelected}
              onTaskFinished={apps.retry}
            />
          )}
        </Box>
        <StoreAppsTable apps={storeApps} />
      </>
    );
  }

  const destination = envInfo.destination.name
    ? `cluster ${envInfo.destination.name}`
    : envInfo.destination.server;
  return (
    <Content>
      <ContentHeader title={`${project} / ${envInfo.title || env}`}>
        <WithReason label="Deploy selected" reason={reason}>
          {deployButton}
        </WithReason>
      </ContentHeader>
      <Box mb={2} display="flex" alignItems="center" gridGap={16}>
        <EnvironmentLabel env={envInfo} />
        <Typography variant="body2" color="textSecondary">
          {destination} · namespace {envInfo.destination.namespace}
        </Typography>
      </Box>
      {body}
      {deploying && (
        <DeployDialog
          project={project}
          env={env}
          apps={deploying}
          onClose={() => {
            setDeploying(undefined);
            apps.retry();
          }}
          onFinished={apps.retry}
        />
      )}
    </Content>
  );
};
