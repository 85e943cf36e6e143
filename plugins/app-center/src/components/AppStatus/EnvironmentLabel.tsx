import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import LockIcon from '@material-ui/icons/Lock';
import type { Environment } from '@internal/plugin-app-center-common';
import { Link } from '@backstage/core-components';

const KIND_COLORS: Record<string, 'default' | 'primary' | 'secondary'> = {
  dev: 'default',
  test: 'primary',
  prod: 'secondary',
};

const KIND_ORDER: Record<string, number> = { dev: 0, test: 1, prod: 2 };

/** dev before test before prod, then by name: the order changes travel in. */
export function byStage(a: Environment, b: Environment): number {
  return (
    (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
    a.name.localeCompare(b.name)
  );
}

/** What the environment says about deploying to it (who may is the backend's answer, not the label's). */
function protectedNote(env: Environment): string {
  const groups = env.deployerGroups
    .map(g => g.replace(/^group:(default\/)?/, ''))
    .join(', ');
  return `Protected; deployer groups: ${groups || 'none'}`;
}

/** An environment's title (linked when `to` is given), kind chip and a lock when protected. */
export const EnvironmentLabel = (props: { env: Environment; to?: string }) => {
  const { env, to } = props;
  const title = env.title || env.name;
  return (
    <Box display="flex" alignItems="center" gridGap={6} flexWrap="wrap">
      <Typography variant="body2" component="span">
        {to ? <Link to={to}>{title}</Link> : title}
      </Typography>
      <Chip size="small" label={env.kind} color={KIND_COLORS[env.kind]} />
      {env.protected && (
        <Tooltip title={protectedNote(env)}>
          <LockIcon fontSize="small" titleAccess="protected" />
        </Tooltip>
      )}
    </Box>
  );
};
