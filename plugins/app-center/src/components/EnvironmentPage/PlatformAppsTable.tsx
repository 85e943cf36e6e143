import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link, Table, TableColumn } from '@backstage/core-components';
import type { EnvironmentApp } from '@internal/plugin-app-center-common';
import {
  AppStateChip,
  HealthChip,
  ImagesCell,
  RecreateApplicationButton,
  SyncChip,
  useAppCenterLinks,
} from '../AppStatus';
import { LastTaskCell } from '../TaskProgress';

/** Only associated apps can take a deploy. */
export function canSelect(app: EnvironmentApp): boolean {
  return app.state === 'associated' && !app.deleting;
}

/** The apps App Center manages in an environment; rows can be selected for a batch deploy. */
export const PlatformAppsTable = (props: {
  project: string;
  env: string;
  apps: EnvironmentApp[];
  selectable: boolean;
  onSelectionChange(apps: EnvironmentApp[]): void;
  onTaskFinished(): void;
}) => {
  const { project, env, apps, selectable, onTaskFinished } = props;
  const links = useAppCenterLinks();
  const columns: TableColumn<EnvironmentApp>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: app => (
        <Link to={links.app(project, env, app.name)}>{app.name}</Link>
      ),
    },
    {
      title: 'Kind',
      field: 'mainKind',
      render: app => (
        <Typography variant="body2">{app.mainKind ?? '—'}</Typography>
      ),
    },
    {
      title: 'State',
      render: app => (
        <>
          <AppStateChip app={app} />
          {app.state === 'no-application' && (
            <Box mt={1}>
              <RecreateApplicationButton
                project={project}
                env={env}
                app={app.name}
                onRecreated={onTaskFinished}
              />
            </Box>
          )}
        </>
      ),
    },
    { title: 'Sync', render: app => <SyncChip sync={app.sync} /> },
    { title: 'Health', render: app => <HealthChip health={app.health} /> },
    {
      title: 'Images (running vs manifest)',
      render: app => <ImagesCell images={app.images} />,
    },
    {
      title: 'Last task',
      render: app => (
        <LastTaskCell lastTask={app.lastTask} onFinished={onTaskFinished} />
      ),
    },
  ];
  return (
    <Table<EnvironmentApp>
      title="Platform apps"
      subtitle="Apps App Center manages here: their manifests in git, one Argo CD Application each"
      options={{
        paging: apps.length > 20,
        pageSize: 20,
        search: apps.length > 5,
        padding: 'dense',
        selection: selectable,
        showTextRowsSelected: false,
        selectionProps: (app: EnvironmentApp) => ({
          disabled: !canSelect(app),
          inputProps: { 'aria-label': `Select ${app.name}` },
        }),
      }}
      onSelectionChange={rows => props.onSelectionChange(rows)}
      columns={columns}
      data={apps}
    />
  );
};
