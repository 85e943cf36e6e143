import { useState } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ResourceTreeNode } from '@internal/plugin-app-center-common';
import type { TreeRow } from './treeRows';

/** Rows are one height, so only the rows in view are drawn: a tree of 10,000 nodes costs what fits on screen. */
export const ROW_HEIGHT = 32;
const VIEW_ROWS = 20;
const OVERSCAN = 10;

const useStyles = makeStyles(theme => {
  const status = (theme.palette as any).status ?? {};
  return {
    viewport: {
      height: ROW_HEIGHT * VIEW_ROWS,
      overflowY: 'auto',
      position: 'relative',
      border: `1px solid ${theme.palette.divider}`,
    },
    row: {
      position: 'absolute',
      left: 0,
      right: 0,
      height: ROW_HEIGHT,
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      cursor: 'pointer',
      borderLeft: '4px solid transparent',
      '&:hover': { background: theme.palette.action.hover },
    },
    selected: { background: theme.palette.action.selected },
    Healthy: { borderLeftColor: status.ok ?? theme.palette.success?.main },
    Progressing: {
      borderLeftColor: status.running ?? theme.palette.info?.main,
    },
    Degraded: { borderLeftColor: status.error ?? theme.palette.error.main },
    Missing: { borderLeftColor: status.warning ?? theme.palette.warning?.main },
    Suspended: { borderLeftColor: status.pending ?? theme.palette.grey[500] },
    Unknown: { borderLeftColor: theme.palette.grey[400] },
    kind: { color: theme.palette.text.secondary, minWidth: 90 },
    outOfSync: { color: status.warning ?? theme.palette.warning?.main },
    orphaned: { fontStyle: 'italic', color: theme.palette.text.secondary },
  };
});

/** The resource tree as indented rows, coloured by health (the left border), with sync state. */
export const ResourceTreeView = (props: {
  rows: TreeRow[];
  selected?: string;
  collapsed: ReadonlySet<string>;
  onToggle(id: string): void;
  onSelect(node: ResourceTreeNode): void;
}) => {
  const classes = useStyles();
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(props.rows.length, first + VIEW_ROWS + 2 * OVERSCAN);
  return (
    <div
      className={classes.viewport}
      role="tree"
      aria-label="Resource tree"
      onScroll={e => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: props.rows.length * ROW_HEIGHT }}>
        {props.rows.slice(first, last).map((row, i) => {
          const { node } = row;
          const health = node.health ?? 'Unknown';
          const healthClass = (classes as Record<string, string>)[health];
          return (
            <div
              key={node.id}
              role="treeitem"
              aria-selected={props.selected === node.id}
              aria-label={`${node.kind} ${node.name}`}
              className={`${classes.row} ${healthClass ?? ''} ${
                props.selected === node.id ? classes.selected : ''
              }`}
              style={{
                top: (first + i) * ROW_HEIGHT,
                paddingLeft: row.depth * 20,
              }}
              tabIndex={0}
              onClick={() => props.onSelect(node)}
              onKeyDown={e => {
                if (e.key === 'Enter' || e.key === ' ') props.onSelect(node);
              }}
            >
              <Box width={28}>
                {row.hasChildren && (
                  <IconButton
                    size="small"
                    aria-label={`${
                      props.collapsed.has(node.id) ? 'Expand' : 'Collapse'
                    } ${node.kind} ${node.name}`}
                    onClick={e => {
                      e.stopPropagation();
                      props.onToggle(node.id);
                    }}
                  >
                    {props.collapsed.has(node.id) ? '▸' : '▾'}
                  </IconButton>
                )}
              </Box>
              <Typography variant="body2" className={classes.kind}>
                {node.kind}
              </Typography>
              <Typography
                variant="body2"
                className={node.orphaned ? classes.orphaned : undefined}
              >
                {node.name}
                {node.orphaned ? ' (orphaned)' : ''}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {health}
              </Typography>
              {node.sync && (
                <Typography
                  variant="caption"
                  className={
                    node.sync === 'OutOfSync' ? classes.outOfSync : undefined
                  }
                >
                  {node.sync}
                </Typography>
              )}
              {node.kind === 'Pod' && node.info && (
                <Typography variant="caption" color="textSecondary">
                  {node.info
                    .filter(fact => fact.name !== 'Node')
                    .map(fact => `${fact.name}: ${fact.value}`)
                    .join(' · ')}
                </Typography>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
};
