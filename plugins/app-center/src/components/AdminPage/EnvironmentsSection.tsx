import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import LockIcon from '@material-ui/icons/Lock';
import { useApi } from '@backstage/frontend-plugin-api';
import { EmptyState, TableColumn } from '@backstage/core-components';
import type { Environment, Project } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { useEnvironments } from '../../hooks';
import { AsyncBody, GroupRefs, namedOption, optionItems } from '../common';
import { EnvironmentDialog } from './EnvironmentDialog';
import { SectionHeader } from './SectionHeader';
import { AdminTable, DeleteRowDialog, useRowDialogs } from './sectionParts';

const KIND_ORDER: Record<string, number> = { dev: 0, test: 1, prod: 2 };

/** dev before test before prod, then by name: the order changes travel in. */
function byStage(a: Environment, b: Environment): number {
  return (
    (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
    a.name.localeCompare(b.name)
  );
}

const KIND_COLORS: Record<string, 'default' | 'primary' | 'secondary'> = {
  dev: 'default',
  test: 'primary',
  prod: 'secondary',
};

/** The environments of one project, chosen at the top of the section. */
export const EnvironmentsSection = (props: {
  projects: Project[];
  project?: string;
  onSelectProject(project: string): void;
}) => {
  const { projects, onSelectProject } = props;
  const project = props.project ?? projects[0]?.name;
  const api = useApi(appCenterApiRef);
  const environments = useEnvironments(project);
  const dialogs = useRowDialogs<Environment>(
    'environment',
    environments.retry,
    name => `${project}/${name}`,
  );

  if (projects.length === 0) {
    return (
      <>
        <SectionHeader
          title="Environments"
          description="Where a project's apps run: an Argo CD destination and namespace."
        />
        <EmptyState
          missing="data"
          title="No projects yet"
          description="Environments belong to a project: create a project first, on the Projects tab."
        />
      </>
    );
  }

  const createButton = dialogs.createButton();

  const columns: TableColumn<Environment>[] = [
    dialogs.nameColumn(),
    {
      title: 'Kind',
      render: e => (
        <Chip size="small" label={e.kind} color={KIND_COLORS[e.kind]} />
      ),
    },
    {
      title: 'Destination',
      render: e => (
        <>
          <Typography variant="body2" style={{ wordBreak: 'break-all' }}>
            {e.destination.name
              ? `cluster ${e.destination.name}`
              : e.destination.server}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            namespace {e.destination.namespace}
          </Typography>
        </>
      ),
    },
    {
      title: 'Protected',
      render: e =>
        e.protected ? (
          <Box display="flex" alignItems="center">
            <LockIcon fontSize="small" titleAccess="protected" />
            &nbsp;yes
          </Box>
        ) : (
          'no'
        ),
    },
    {
      title: 'Deployer groups',
      render: e => <GroupRefs refs={e.deployerGroups} />,
    },
    ...dialogs.sourceAndActionColumns(),
  ];

  return (
    <>
      <SectionHeader
        title="Environments"
        description="Where a project's apps run: an Argo CD destination and namespace. Protected environments only accept deploys from their deployer groups and tenant admins."
        action={environments.value?.length ? createButton : undefined}
      />
      <TextField
        id="environments-project"
        select
        label="Project"
        value={project}
        onChange={e => onSelectProject(e.target.value as string)}
        margin="dense"
        variant="outlined"
        style={{ minWidth: 240, marginBottom: 16 }}
      >
        {optionItems(projects.map(namedOption))}
      </TextField>
      <AsyncBody
        state={environments}
        empty={
          <EmptyState
            missing="data"
            title={`No environments in ${project} yet — create one`}
            description="An environment is an Argo CD destination (cluster and namespace) the project's apps are deployed to, e.g. dev, test and prod."
            action={createButton}
          />
        }
      >
        {envs => (
          <AdminTable columns={columns} data={[...envs].sort(byStage)} />
        )}
      </AsyncBody>
      {dialogs.editOpen && project && (
        <EnvironmentDialog
          project={project}
          environment={dialogs.editedRow}
          onClose={dialogs.closeEdit}
          onSaved={dialogs.saved}
        />
      )}
      <DeleteRowDialog
        dialogs={dialogs}
        onConfirm={e => api.deleteEnvironment(project!, e.name)}
      >
        The environment is removed from App Center. An environment that still
        has apps cannot be deleted: remove its apps first.
      </DeleteRowDialog>
    </>
  );
};
