import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import type { Access } from '@internal/plugin-app-center-common';
import {
  useAccess,
  usePortalConfig,
  useProjects,
  useTenants,
} from '../../hooks';
import { errorMessage } from '../common';
import { EnvironmentsSection } from './EnvironmentsSection';
import { ProjectsSection } from './ProjectsSection';
import { TenantsSection } from './TenantsSection';

type TabId = 'tenants' | 'projects' | 'environments';

/** Shown to signed-in users who are not portal admins. */
const NotAdmin = ({ access }: { access: Access }) => {
  const administered = access.tenants.filter(t => t.admin).map(t => t.tenant);
  return (
    <EmptyState
      missing="info"
      title="The App Center admin page is for portal admins"
      description={
        <>
          You are signed in, but not as a portal admin, so you cannot manage
          tenants, projects and environments here. Ask the team that runs this
          Backstage portal to add you to a portal admin group (or to grant you
          the app-center.admin permission) if you need to.
          {administered.length > 0 &&
            ` You administer the tenant${
              administered.length > 1 ? 's' : ''
            } ${administered.join(
              ', ',
            )}: manage their apps from your services' catalog pages.`}
        </>
      }
    />
  );
};

/** The loaded admin page: tenants, projects and environments in three tabs. */
const AdminSections = () => {
  const tenants = useTenants();
  const projects = useProjects();
  const config = usePortalConfig();
  const [tab, setTab] = useState<TabId>('tenants');
  const [project, setProject] = useState<string>();

  if (
    (tenants.loading && !tenants.value) ||
    (projects.loading && !projects.value)
  ) {
    return <Progress />;
  }
  const loadError = tenants.error ?? projects.error;
  if (loadError) {
    return <ResponseErrorPanel error={loadError} />;
  }
  const tenantList = tenants.value ?? [];
  const projectList = projects.value ?? [];
  const selectedProject =
    project && projectList.some(p => p.name === project)
      ? project
      : projectList[0]?.name;

  return (
    <>
      {config.error && (
        <Box mb={2}>
          <WarningPanel
            title="Could not load the Argo CD instance names"
            message={`${errorMessage(
              config.error,
            )}. Type the instance name by hand in the project form.`}
          />
        </Box>
      )}
      <Paper square>
        <Tabs
          value={tab}
          onChange={(_e, v: TabId) => setTab(v)}
          indicatorColor="primary"
          textColor="primary"
          aria-label="App Center admin sections"
        >
          <Tab value="tenants" label={`Tenants (${tenantList.length})`} />
          <Tab value="projects" label={`Projects (${projectList.length})`} />
          <Tab value="environments" label="Environments" />
        </Tabs>
      </Paper>
      <Box pt={3}>
        {tab === 'tenants' && (
          <TenantsSection tenants={tenantList} onChanged={tenants.retry} />
        )}
        {tab === 'projects' && (
          <ProjectsSection
            projects={projectList}
            tenants={tenantList}
            argocdInstances={config.value?.argocdInstances}
            onChanged={projects.retry}
            onShowEnvironments={p => {
              setProject(p);
              setTab('environments');
            }}
          />
        )}
        {tab === 'environments' && (
          <EnvironmentsSection
            projects={projectList}
            project={selectedProject}
            onSelectProject={setProject}
          />
        )}
      </Box>
    </>
  );
};

/**
 * The App Center admin page: portal admins map tenants to catalog groups and manage projects and
 * environments. Everyone else gets an explanation instead.
 */
export const AdminPage = () => {
  const access = useAccess();
  let body: JSX.Element;
  if (access.loading) {
    body = <Progress />;
  } else if (access.error) {
    body = <ResponseErrorPanel error={access.error} />;
  } else if (!access.value?.portalAdmin) {
    body = (
      <NotAdmin access={access.value ?? { portalAdmin: false, tenants: [] }} />
    );
  } else {
    body = <AdminSections />;
  }
  return <Content>{body}</Content>;
};
