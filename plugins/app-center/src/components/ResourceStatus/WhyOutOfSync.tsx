import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import type { ResourceTreeNode } from '@internal/plugin-app-center-common';
import useAsync from 'react-use/esm/useAsync';
import { appCenterApiRef } from '../../api';

/** The managed resources whose live state differs from git. */
export function outOfSyncResources(root: ResourceTreeNode): ResourceTreeNode[] {
  const found: ResourceTreeNode[] = [];
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.sync === 'OutOfSync') found.push(n);
    stack.push(...n.children);
  }
  return found.sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
}

/** Why the app is OutOfSync: the resources that differ from git, each opening its diff. */
export const WhyOutOfSync = (props: {
  project: string;
  env: string;
  app: string;
  /** Changes when the app's status changes, to read the tree again. */
  version?: string;
  onOpen(node: ResourceTreeNode): void;
}) => {
  const { project, env, app } = props;
  const api = useApi(appCenterApiRef);
  const tree = useAsync(
    () => api.getResourceTree(project, env, app),
    [api, project, env, app, props.version],
  );
  const differing = tree.value ? outOfSyncResources(tree.value.root) : [];
  if (!differing.length) return null;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={4} mb={2}>
      <Typography variant="body2" color="textSecondary">
        Out of sync because these differ from git:
      </Typography>
      {differing.map(n => (
        <Button
          key={n.id}
          size="small"
          color="primary"
          onClick={() => props.onOpen(n)}
        >
          {n.kind}/{n.name}
        </Button>
      ))}
    </Box>
  );
};
