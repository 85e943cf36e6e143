import { useState } from 'react';
import Box from '@material-ui/core/Box';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EmptyState,
  MissingAnnotationEmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  APP_ANNOTATION,
  parseAppAnnotation,
} from '@internal/plugin-app-center-common';
import { errorStatus, errorMessage } from '../common';
import { DeployDialog } from '../DeployDialog';
import { AssociateDialog } from './AssociateDialog';
import { DeploymentsTable, EnvironmentRow } from './DeploymentsTable';
import { useEntityApps } from './useEntityApps';

const Warnings = (props: { warnings?: string[] }) =>
  props.warnings?.length ? (
    <Box mb={2}>
      <WarningPanel
        severity="warning"
        title="Some of the state could not be read"
        message={props.warnings.join('\n')}
      />
    </Box>
  ) : null;

const DeploymentsContent = (props: {
  entityRef: string;
  project: string;
  app: string;
}) => {
  const alertApi = useApi(alertApiRef);
  const entityApps = useEntityApps(props.entityRef);
  const [associating, setAssociating] = useState<EnvironmentRow>();
  const [deploying, setDeploying] = useState<EnvironmentRow>();

  if (entityApps.loading && !entityApps.value) return <Progress />;
  if (entityApps.error) {
    const status = errorStatus(entityApps.error);
    if (status === 404 || status === 403) {
      return (
        <EmptyState
          missing="info"
          title={`No App Center project ${props.project} that you can see`}
          description={`This component's ${APP_ANNOTATION} annotation names ${
            props.project
          }/${props.app}, but ${errorMessage(
            entityApps.error,
          )}. Check the annotation, or ask the project's tenant admins for access.`}
        />
      );
    }
    return <ResponseErrorPanel error={entityApps.error} />;
  }
  const data = entityApps.value!;
  if (data.environments.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={`Project ${data.project} has no environments yet`}
        description="Portal admins and the tenant's admins create environments on the App Center admin page; the app can then be associated to them here."
      />
    );
  }
  return (
    <>
      <Warnings warnings={data.warnings} />
      <DeploymentsTable
        data={data}
        onAssociate={setAssociating}
        onDeploy={setDeploying}
        onTaskFinished={entityApps.retry}
      />
      {associating && (
        <AssociateDialog
          project={data.project}
          env={associating.environment.name}
          app={data.app}
          exists={!!associating.app && associating.app.state !== 'no-folder'}
          onClose={() => setAssociating(undefined)}
          onDone={() => {
            alertApi.post({
              message: `${data.app} associated to ${data.project}/${associating.environment.name}`,
              severity: 'success',
              display: 'transient',
            });
            entityApps.retry();
          }}
        />
      )}
      {deploying?.app && (
        <DeployDialog
          project={data.project}
          env={deploying.environment.name}
          apps={[deploying.app]}
          onClose={() => {
            setDeploying(undefined);
            entityApps.retry();
          }}
          onFinished={entityApps.retry}
        />
      )}
    </>
  );
};

/**
 * The Deployments tab of a Component annotated `app-center.io/app: <project>/<app>`: the app in every
 * environment of its project, with associate, deploy and open.
 */
export const DeploymentsTab = () => {
  const { entity } = useEntity();
  const target = parseAppAnnotation(
    entity.metadata.annotations?.[APP_ANNOTATION],
  );
  if (!target) {
    return (
      <MissingAnnotationEmptyState annotation={APP_ANNOTATION} readMoreUrl="" />
    );
  }
  return (
    <DeploymentsContent
      entityRef={stringifyEntityRef(entity)}
      project={target.project}
      app={target.app}
    />
  );
};
