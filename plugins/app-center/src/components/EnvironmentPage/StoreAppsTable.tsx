import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import type { StoreApp } from '@internal/plugin-app-center-common';
import { HealthChip, SyncChip } from '../AppStatus';

/** Argo CD Applications in the environment's namespace that App Center does not manage (e.g. Helm charts). */
export const StoreAppsTable = (props: { apps: StoreApp[] }) => {
  const columns: TableColumn<StoreApp>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Chart',
      render: app => (
        <>
          <Typography variant="body2">{app.chart ?? '—'}</Typography>
          {app.repoURL && (
            <Typography
              variant="caption"
              color="textSecondary"
              style={{ wordBreak: 'break-all' }}
            >
              {app.repoURL}
            </Typography>
          )}
        </>
      ),
    },
    { title: 'Version', render: app => app.version ?? '—' },
    { title: 'Sync', render: app => <SyncChip sync={app.sync} /> },
    { title: 'Health', render: app => <HealthChip health={app.health} /> },
  ];
  return (
    <Table<StoreApp>
      title="Store apps"
      subtitle="Other Argo CD Applications in this environment's namespace, e.g. Helm charts; read-only here"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.apps}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No store apps in this environment.
        </Typography>
      }
    />
  );
};
