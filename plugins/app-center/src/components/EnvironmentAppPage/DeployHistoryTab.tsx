import { useState } from 'react';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import type { DeployHistoryEntry } from '@internal/plugin-app-center-common';
import { ImagesCell } from '../AppStatus';
import { TaskDialog } from '../TaskProgress';

function authorOf(record: DeployHistoryEntry): string {
  if (record.author?.name) return record.author.name;
  if (record.initiatedBy?.automated) return 'automated sync';
  return record.initiatedBy?.username ?? '—';
}

/** The app's deploys in this environment, newest first. */
export const DeployHistoryTab = (props: {
  project: string;
  env: string;
  app: string;
  /** Bumped by the page after a task finished, to reload. */
  version: number;
}) => {
  const { project, env, app, version } = props;
  const api = useApi(appCenterApiRef);
  const history = useAsyncRetry(
    () => api.getAppHistory(project, env, app),
    [api, project, env, app, version],
  );
  const [taskId, setTaskId] = useState<string>();

  if (history.loading && !history.value) return <Progress />;
  if (history.error) return <ResponseErrorPanel error={history.error} />;
  if (!history.value?.length) {
    return (
      <EmptyState
        missing="data"
        title="Not deployed yet"
        description="Deploys of this app to this environment appear here, with their images, author and task."
      />
    );
  }
  const columns: TableColumn<DeployHistoryEntry>[] = [
    {
      title: 'Revision',
      render: r => (
        <Typography variant="body2" style={{ fontFamily: 'monospace' }}>
          {r.revision.slice(0, 8)}
        </Typography>
      ),
    },
    {
      title: 'Deployed at',
      render: r =>
        r.deployedAt ? new Date(r.deployedAt).toLocaleString() : '—',
    },
    {
      title: 'Images',
      render: r => (
        <ImagesCell
          images={{ manifest: r.images ?? [], running: r.images ?? [] }}
        />
      ),
    },
    { title: 'Author', render: r => authorOf(r) },
    {
      title: 'Message',
      render: r => (
        <>
          <Typography variant="body2">
            {r.message?.split('\n')[0] ?? '—'}
          </Typography>
          {r.warning && (
            <Typography variant="caption" color="error">
              {r.warning}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Task',
      render: r =>
        r.task ? (
          <Link
            component="button"
            variant="body2"
            onClick={() => setTaskId(r.task!.id)}
          >
            {r.task.kind ?? 'task'} {r.task.status ?? ''}
          </Link>
        ) : (
          <Typography variant="caption" color="textSecondary">
            {r.viaPortal ? 'saved in the portal' : 'outside the portal'}
          </Typography>
        ),
    },
  ];
  return (
    <>
      <Table<DeployHistoryEntry>
        title="Deploy history"
        options={{
          paging: history.value.length > 20,
          pageSize: 20,
          search: false,
          padding: 'dense',
        }}
        columns={columns}
        data={history.value}
      />
      {taskId && (
        <TaskDialog taskId={taskId} onClose={() => setTaskId(undefined)} />
      )}
    </>
  );
};
