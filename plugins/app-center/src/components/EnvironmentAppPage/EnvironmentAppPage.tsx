import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Content,
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import {
  AppStateChip,
  EnvironmentLabel,
  HealthChip,
  ImagesCell,
  SyncChip,
  isActive,
  deniedReason,
  useAppCenterLinks,
  useTaskSignals,
} from '../AppStatus';
import { LastTaskCell } from '../TaskProgress';
import { AppActions } from './AppActions';
import { DeployHistoryTab } from './DeployHistoryTab';
import { ManifestsTab } from './ManifestsTab';
import { ResourceStatusTab, WhyOutOfSync } from '../ResourceStatus';
import { ImageSecurityTab } from '../ImageSecurity';
import type { ResourceTreeNode } from '@internal/plugin-app-center-common';

/** One app in one environment: status, actions, manifests and deploy history. */
export const EnvironmentAppPage = (props: {
  project: string;
  env: string;
  app: string;
}) => {
  const { project, env, app } = props;
  const api = useApi(appCenterApiRef);
  const links = useAppCenterLinks();
  const environment = useAsync(
    () => api.getEnvironment(project, env),
    [api, project, env],
  );
  const details = useAsyncRetry(
    () => api.getEnvironmentApp(project, env, app),
    [api, project, env, app],
  );
  const [tab, setTab] = useState<
    'manifests' | 'resources' | 'history' | 'security'
  >('manifests');
  const [version, setVersion] = useState(0);
  const [focus, setFocus] = useState<ResourceTreeNode>();
  const refresh = () => {
    details.retry();
    setVersion(v => v + 1);
  };
  useTaskSignals({
    project,
    env,
    app,
    active: isActive(details.value?.lastTask?.status),
    onChange: () => details.retry(),
  });

  if ((details.loading && !details.value) || environment.loading)
    return <Progress />;
  const loadError = details.error ?? environment.error;
  if (loadError) return <ResponseErrorPanel error={loadError} />;
  const value = details.value!;
  // What the caller may do here comes with the app (the backend's access resolver decides).
  const reason = deniedReason(value.capabilities?.deploy);
  const editReason = deniedReason(value.capabilities?.editEnvironmentApp);
  const where = { project, env, app };

  return (
    <Content>
      <ContentHeader
        title={`${app} in ${project} / ${environment.value?.title || env}`}
      >
        <AppActions
          {...{ project, env, reason }}
          app={value}
          onFinished={refresh}
        />
      </ContentHeader>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
      >
        {environment.value && (
          <EnvironmentLabel
            env={environment.value}
            to={links.environment(project, env)}
          />
        )}
        <AppStateChip app={value} />
        <SyncChip sync={value.sync} />
        <HealthChip health={value.health} />
        {value.mainKind && (
          <Typography variant="body2">{value.mainKind}</Typography>
        )}
        <ImagesCell images={value.images} />
        <LastTaskCell lastTask={value.lastTask} onFinished={refresh} />
        {value.template?.name && (
          <Typography variant="caption" color="textSecondary">
            from template {value.template.name}
            {value.template.revision
              ? ` at ${value.template.revision.slice(0, 8)}`
              : ''}
          </Typography>
        )}
      </Box>
      {value.sync?.status === 'OutOfSync' && (
        <WhyOutOfSync
          project={project}
          env={env}
          app={app}
          version={`${value.sync.revision ?? ''}/${version}`}
          onOpen={node => {
            setFocus(node);
            setTab('resources');
          }}
        />
      )}
      {value.operation?.message && value.operation.phase !== 'Succeeded' && (
        <Box mb={2}>
          <Typography variant="body2" color="error">
            Argo CD operation {value.operation.phase}: {value.operation.message}
          </Typography>
        </Box>
      )}
      <Paper square>
        <Tabs
          value={tab}
          onChange={(_e, v) => setTab(v)}
          indicatorColor="primary"
          textColor="primary"
        >
          <Tab value="manifests" label="Manifests" />
          <Tab value="resources" label="Resource status" />
          <Tab value="history" label="Deploy history" />
          <Tab value="security" label="Image security" />
        </Tabs>
      </Paper>
      <Box pt={2}>
        {tab === 'manifests' && (
          <ManifestsTab
            {...where}
            canEdit={!editReason}
            reason={editReason}
            onSaved={refresh}
          />
        )}
        {tab === 'resources' && (
          <ResourceStatusTab {...where} reason={reason} focus={focus} />
        )}
        {tab === 'history' && <DeployHistoryTab {...where} version={version} />}
        {tab === 'security' && <ImageSecurityTab {...where} />}
      </Box>
      <Typography variant="caption" color="textSecondary">
        <Link to={links.environment(project, env)}>
          All apps of {project}/{env}
        </Link>
      </Typography>
    </Content>
  );
};
