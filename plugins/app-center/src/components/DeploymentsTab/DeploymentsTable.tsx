import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { LinkButton, Table, TableColumn } from '@backstage/core-components';
import type { EntityApps } from '@internal/plugin-app-center-common';
import {
  AppStateChip,
  EnvironmentLabel,
  RecreateApplicationButton,
  HealthChip,
  ImagesCell,
  SyncChip,
  WithReason,
  byStage,
  deniedReason,
  useAppCenterLinks,
} from '../AppStatus';
import { LastTaskCell } from '../TaskProgress';

export type EnvironmentRow = EntityApps['environments'][number];

/** An action button, disabled with its reason on hover. */
const Action = (props: {
  label: string;
  reason?: string;
  onClick(): void;
  primary?: boolean;
}) => (
  <WithReason label={props.label} reason={props.reason}>
    <Button
      size="small"
      variant={props.primary ? 'contained' : 'outlined'}
      color="primary"
      disabled={!!props.reason}
      onClick={props.onClick}
      style={{ whiteSpace: 'nowrap' }}
    >
      {props.label}
    </Button>
  </WithReason>
);

/** Why the caller may not change apps of the row's environment, as the backend's access resolver says. */
function denied(row: EnvironmentRow): string | undefined {
  const reason = deniedReason(row.capabilities.deploy);
  return reason && `You may not change ${row.environment.name}: ${reason}`;
}

/** Why Associate is not possible here, if it is not. */
export function associateReason(
  data: EntityApps,
  row: EnvironmentRow,
): string | undefined {
  const refused = denied(row);
  if (refused) return refused;
  if (data.templateExists === false) {
    return `Project ${data.project} has no template named ${data.app}: create it on the Template tab first.`;
  }
  return undefined;
}

/** Why Deploy is not possible here, if it is not. */
export function deployReason(row: EnvironmentRow): string | undefined {
  const refused = denied(row);
  if (refused) return refused;
  if (!row.app) return 'Associate the app to this environment first.';
  if (row.app.deleting)
    return 'The app is being removed from this environment.';
  if (row.app.state === 'no-folder') {
    return 'The app folder is missing from git: associate the app again.';
  }
  if (row.app.state === 'no-application') {
    return 'Argo CD has no application for it: recreate it first.';
  }
  return undefined;
}

/** One row per environment of the project: the app there, and what may be done. */
export const DeploymentsTable = (props: {
  data: EntityApps;
  onAssociate(row: EnvironmentRow): void;
  onDeploy(row: EnvironmentRow): void;
  onTaskFinished(): void;
}) => {
  const { data, onAssociate, onDeploy, onTaskFinished } = props;
  const links = useAppCenterLinks();
  const columns: TableColumn<EnvironmentRow>[] = [
    {
      title: 'Environment',
      render: row => (
        <EnvironmentLabel
          env={row.environment}
          to={links.environment(data.project, row.environment.name)}
        />
      ),
    },
    { title: 'State', render: row => <AppStateChip app={row.app} /> },
    {
      title: 'Sync',
      render: row => row.app && <SyncChip sync={row.app.sync} />,
    },
    {
      title: 'Health',
      render: row => row.app && <HealthChip health={row.app.health} />,
    },
    {
      title: 'Images (running vs manifest)',
      render: row => row.app && <ImagesCell images={row.app.images} />,
    },
    {
      title: 'Last task',
      render: row =>
        row.app && (
          <LastTaskCell
            lastTask={row.app.lastTask}
            onFinished={onTaskFinished}
          />
        ),
    },
    {
      title: 'Actions',
      align: 'right',
      render: row => {
        const associable =
          !row.app ||
          row.app.state === 'no-application' ||
          row.app.state === 'no-folder';
        return (
          <Box display="flex" gridGap={8} justifyContent="flex-end">
            {associable && (
              <Action
                label="Associate"
                primary={row.app?.state !== 'no-application'}
                reason={associateReason(data, row)}
                onClick={() => onAssociate(row)}
              />
            )}
            {row.app?.state === 'no-application' && (
              <RecreateApplicationButton
                project={data.project}
                env={row.environment.name}
                app={data.app}
                reason={denied(row)}
                onRecreated={onTaskFinished}
              />
            )}
            {row.app && (
              <Action
                label="Deploy"
                primary={!associable}
                reason={deployReason(row)}
                onClick={() => onDeploy(row)}
              />
            )}
            {row.app && (
              <LinkButton
                size="small"
                style={{ whiteSpace: 'nowrap' }}
                to={links.app(data.project, row.environment.name, data.app)}
              >
                Open
              </LinkButton>
            )}
          </Box>
        );
      },
    },
  ];
  return (
    <Table<EnvironmentRow>
      title={`${data.project}/${data.app} across environments`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={[...data.environments].sort((a, b) =>
        byStage(a.environment, b.environment),
      )}
    />
  );
};
