import { ReactNode, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Drawer from '@material-ui/core/Drawer';
import MenuItem from '@material-ui/core/MenuItem';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import type {
  ResourceTreeNode,
  Task,
} from '@internal/plugin-app-center-common';
import useAsync from 'react-use/esm/useAsync';
import { AppCenterApi, appCenterApiRef } from '../../api';
import { HealthChip, SyncChip } from '../AppStatus';
import { TaskDialog } from '../TaskProgress';
import { LogViewer } from './LogViewer';

/** Kinds whose pods' logs can be read together (Argo CD picks the pods below them). */
const WORKLOADS = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'Rollout',
]);

type Where = { project: string; env: string; app: string };

const Yaml = (props: { text: string; label: string }) => (
  <Box
    component="pre"
    aria-label={props.label}
    fontSize={12}
    style={{ overflow: 'auto', maxHeight: 520 }}
  >
    {props.text}
  </Box>
);

type TabProps = { where: Where; node: ResourceTreeNode };

/** Loads what a tab shows of its node (again for another node), with progress and the load's error. */
function NodeLoad<T>(props: {
  node: ResourceTreeNode;
  load(api: AppCenterApi): Promise<T>;
  children(value: T): ReactNode;
}) {
  const api = useApi(appCenterApiRef);
  const state = useAsync(() => props.load(api), [api, props.node.id]);
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  return <>{props.children(state.value!)}</>;
}

const LiveTab = ({ where, node }: TabProps) => (
  <NodeLoad
    node={node}
    load={api => api.getResource(where.project, where.env, where.app, node)}
  >
    {live => <Yaml label="Live manifest" text={live.yaml} />}
  </NodeLoad>
);

const DiffTab = ({ where, node }: TabProps) => (
  <NodeLoad
    node={node}
    load={api => api.getResourceDiff(where.project, where.env, where.app, node)}
  >
    {({ diff }) =>
      diff ? (
        <Yaml label="Diff" text={diff} />
      ) : (
        <Typography>In sync: the live state is what git says.</Typography>
      )
    }
  </NodeLoad>
);

const EventsTab = ({ where, node }: TabProps) => {
  const api = useApi(appCenterApiRef);
  const isApp = node.kind === 'Application';
  const events = useAsync(
    () =>
      api.listResourceEvents(
        where.project,
        where.env,
        where.app,
        isApp
          ? undefined
          : { namespace: node.namespace, name: node.name, uid: node.uid },
      ),
    [api, node.id],
  );
  if (events.error) return <ResponseErrorPanel error={events.error} />;
  return (
    <Table
      isLoading={events.loading}
      options={{ search: false, paging: false, padding: 'dense' }}
      data={events.value ?? []}
      emptyContent={<Typography>No events.</Typography>}
      columns={[
        { title: 'Type', field: 'type' },
        { title: 'Reason', field: 'reason' },
        { title: 'Message', field: 'message' },
        { title: 'Count', field: 'count' },
        { title: 'Last seen', field: 'lastTimestamp' },
      ]}
    />
  );
};

/** Delete with a cascade choice: the delete runs as a task whose progress shows here. */
const DeleteButton = (props: {
  where: Where;
  node: ResourceTreeNode;
  reason?: string;
  onTask(task: Task): void;
}) => {
  const api = useApi(appCenterApiRef);
  const [asking, setAsking] = useState(false);
  const [cascade, setCascade] = useState<
    'foreground' | 'background' | 'orphan'
  >('foreground');
  const [error, setError] = useState<Error>();
  const { where, node } = props;
  if (!asking)
    return (
      <Button
        variant="outlined"
        color="secondary"
        disabled={!!props.reason}
        title={props.reason}
        onClick={() => setAsking(true)}
      >
        Delete
      </Button>
    );
  return (
    <Box display="flex" gridGap={8} alignItems="center">
      <TextField
        select
        size="small"
        label="Cascade"
        value={cascade}
        onChange={e => setCascade(e.target.value as typeof cascade)}
      >
        <MenuItem value="foreground">foreground</MenuItem>
        <MenuItem value="background">background</MenuItem>
        <MenuItem value="orphan">orphan (keep dependents)</MenuItem>
      </TextField>
      <Button
        variant="contained"
        color="secondary"
        onClick={async () => {
          try {
            props.onTask(
              await api.deleteResource(
                where.project,
                where.env,
                where.app,
                node,
                cascade,
              ),
            );
            setAsking(false);
          } catch (e) {
            setError(e as Error);
          }
        }}
      >
        Delete {node.kind}/{node.name}
      </Button>
      <Button onClick={() => setAsking(false)}>Cancel</Button>
      {error && <Typography color="error">{error.message}</Typography>}
    </Box>
  );
};

/** One node's details: Live, Diff, Events and Logs, and its Sync and Delete actions. */
export const NodeDrawer = (props: {
  where: Where;
  node: ResourceTreeNode;
  /** Why the caller may not change this environment; actions are off when set. */
  reason?: string;
  /** The tab to open on (e.g. diff from "why OutOfSync"). */
  initialTab?: 'live' | 'diff' | 'events' | 'logs';
  onClose(): void;
  onChanged(): void;
}) => {
  const { where, node, reason } = props;
  const api = useApi(appCenterApiRef);
  const isApp = node.kind === 'Application';
  const hasLogs = node.kind === 'Pod' || WORKLOADS.has(node.kind);
  const [tab, setTab] = useState<string>(
    props.initialTab ?? (isApp ? 'events' : 'live'),
  );
  const [task, setTask] = useState<Task>();
  const [error, setError] = useState<Error>();
  const managed = !!node.sync && !isApp;
  return (
    <Drawer anchor="right" open onClose={props.onClose}>
      <Box
        width={900}
        maxWidth="100vw"
        p={2}
        role="dialog"
        aria-label={`${node.kind} ${node.name}`}
      >
        <Box display="flex" alignItems="center" gridGap={8} mb={1}>
          <Typography variant="h5">
            {node.kind} {node.name}
          </Typography>
          <HealthChip
            health={
              node.health
                ? { status: node.health, message: node.healthMessage }
                : undefined
            }
          />
          {node.sync && <SyncChip sync={{ status: node.sync }} />}
          <Box flexGrow={1} />
          <Button onClick={props.onClose}>Close</Button>
        </Box>
        {node.healthMessage && (
          <Typography variant="body2" color="textSecondary">
            {node.healthMessage}
          </Typography>
        )}
        {node.images && (
          <Typography variant="body2">
            Images: {node.images.join(', ')}
          </Typography>
        )}
        {!isApp && (
          <Box display="flex" gridGap={8} my={1}>
            {managed && (
              <Button
                variant="outlined"
                color="primary"
                disabled={!!reason}
                title={reason}
                onClick={async () => {
                  try {
                    setTask(
                      await api.syncResource(
                        where.project,
                        where.env,
                        where.app,
                        {
                          group: node.group,
                          kind: node.kind,
                          name: node.name,
                          namespace: node.namespace,
                        },
                      ),
                    );
                  } catch (e) {
                    setError(e as Error);
                  }
                }}
              >
                Sync
              </Button>
            )}
            <DeleteButton {...{ where, node, reason }} onTask={setTask} />
          </Box>
        )}
        {error && <ResponseErrorPanel error={error} />}
        <Tabs
          value={tab}
          onChange={(_e, v) => setTab(v)}
          indicatorColor="primary"
        >
          {!isApp && <Tab value="live" label="Live" />}
          {managed && <Tab value="diff" label="Diff" />}
          <Tab value="events" label="Events" />
          {hasLogs && <Tab value="logs" label="Logs" />}
        </Tabs>
        <Box pt={2}>
          {tab === 'live' && <LiveTab where={where} node={node} />}
          {tab === 'diff' && <DiffTab where={where} node={node} />}
          {tab === 'events' && <EventsTab where={where} node={node} />}
          {tab === 'logs' && (
            <LogViewer
              {...where}
              source={
                node.kind === 'Pod'
                  ? { pod: node.name }
                  : { kind: node.kind, group: node.group, name: node.name }
              }
            />
          )}
        </Box>
        {task && (
          <TaskDialog
            taskId={task.id}
            initial={task}
            title={task.steps[0]?.title}
            onFinished={props.onChanged}
            onClose={() => setTask(undefined)}
          />
        )}
      </Box>
    </Drawer>
  );
};
