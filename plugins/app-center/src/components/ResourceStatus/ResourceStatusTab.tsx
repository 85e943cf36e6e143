import { useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type {
  ResourceTree,
  ResourceTreeNode,
} from '@internal/plugin-app-center-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { appCenterApiRef } from '../../api';
import { NodeDrawer } from './NodeDrawer';
import { ResourceTreeView } from './ResourceTreeView';
import { NO_FILTER, TreeFilter, treeValues, visibleRows } from './treeRows';

/** Pods of a ReplicaSet with more than this many start collapsed, so big apps open readable. */
const GROUP_PODS_OVER = 20;

function initiallyCollapsed(root: ResourceTreeNode): Set<string> {
  const collapsed = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children.filter(c => c.kind === 'Pod').length > GROUP_PODS_OVER)
      collapsed.add(n.id);
    stack.push(...n.children);
  }
  return collapsed;
}

/** The filters with a choice of values: the filter's key, its label, and where its values come from. */
const FILTERS = [
  ['kind', 'Kind', 'kinds'],
  ['health', 'Health', 'healths'],
  ['sync', 'Sync', 'syncs'],
] as const;

const Choice = (props: {
  label: string;
  value: string;
  options: string[];
  onChange(value: string): void;
}) => (
  <TextField
    select
    size="small"
    id={`resource-filter-${props.label.toLowerCase()}`}
    label={props.label}
    value={props.value}
    onChange={e => props.onChange(e.target.value)}
    style={{ minWidth: 140 }}
  >
    <MenuItem value="">all</MenuItem>
    {props.options.map(o => (
      <MenuItem key={o} value={o}>
        {o}
      </MenuItem>
    ))}
  </TextField>
);

/**
 * The app's live resources as a tree rooted at its Argo CD Application, coloured by health, with sync
 * state and filters; it follows the tree stream, and a node opens its details (Live, Diff, Events, Logs).
 */
export const ResourceStatusTab = (props: {
  project: string;
  env: string;
  app: string;
  /** Why the caller may not change this environment (actions are off), if so. */
  reason?: string;
  /** A node to open at its diff (from "why OutOfSync"). */
  focus?: ResourceTreeNode;
}) => {
  const { project, env, app } = props;
  const api = useApi(appCenterApiRef);
  const loaded = useAsyncRetry(
    () => api.getResourceTree(project, env, app),
    [api, project, env, app],
  );
  const [live, setLive] = useState<ResourceTree>();
  const [filter, setFilter] = useState<TreeFilter>(NO_FILTER);
  const [collapsed, setCollapsed] = useState<Set<string>>();
  const [selected, setSelected] = useState<ResourceTreeNode | undefined>(
    props.focus,
  );
  useEffect(() => setSelected(props.focus), [props.focus]);
  const tree = live ?? loaded.value;

  useEffect(() => {
    const abort = new AbortController();
    api
      .watchResourceTree(project, env, app, setLive, abort.signal)
      .catch(() => undefined); // the tree read above still shows; a reload reconnects
    return () => abort.abort();
  }, [api, project, env, app]);

  useEffect(() => {
    if (tree && !collapsed) setCollapsed(initiallyCollapsed(tree.root));
  }, [tree, collapsed]);

  const values = useMemo(
    () => (tree ? treeValues(tree.root) : undefined),
    [tree],
  );
  const rows = useMemo(
    () => (tree ? visibleRows(tree.root, filter, collapsed ?? new Set()) : []),
    [tree, filter, collapsed],
  );

  if (loaded.loading && !tree) return <Progress />;
  if (loaded.error && !tree) return <ResponseErrorPanel error={loaded.error} />;
  if (!tree || !values) return null;
  const set = (key: keyof TreeFilter) => (value: string) =>
    setFilter(f => ({ ...f, [key]: value }));

  return (
    <Box>
      <Box
        display="flex"
        gridGap={12}
        alignItems="center"
        mb={2}
        flexWrap="wrap"
      >
        {FILTERS.map(([key, label, options]) => (
          <Choice
            key={key}
            label={label}
            value={filter[key]}
            options={values[options]}
            onChange={set(key)}
          />
        ))}
        <TextField
          size="small"
          id="resource-filter-name"
          label="Name"
          value={filter.name}
          onChange={e => set('name')(e.target.value)}
        />
        <Typography variant="caption" color="textSecondary">
          {tree.nodeCount} resources{live ? ' · live' : ''}
        </Typography>
      </Box>
      <ResourceTreeView
        rows={rows}
        selected={selected?.id}
        collapsed={collapsed ?? new Set()}
        onToggle={id =>
          setCollapsed(c => {
            const next = new Set(c);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          })
        }
        onSelect={setSelected}
      />
      {selected && (
        <NodeDrawer
          where={{ project, env, app }}
          node={selected}
          reason={props.reason}
          initialTab={selected === props.focus ? 'diff' : undefined}
          onClose={() => setSelected(undefined)}
          onChanged={() => loaded.retry()}
        />
      )}
    </Box>
  );
};
