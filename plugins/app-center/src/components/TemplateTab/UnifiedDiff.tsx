import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  diff: {
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    lineHeight: 1.5,
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  line: { whiteSpace: 'pre', padding: theme.spacing(0, 1) },
  added: {
    background:
      theme.palette.type === 'dark' ? 'rgba(46, 160, 67, 0.25)' : '#e6ffec',
    color: theme.palette.type === 'dark' ? '#aff5b4' : '#116329',
  },
  removed: {
    background:
      theme.palette.type === 'dark' ? 'rgba(248, 81, 73, 0.25)' : '#ffebe9',
    color: theme.palette.type === 'dark' ? '#ffdcd7' : '#82071e',
  },
  hunk: { color: theme.palette.info.main },
  header: { color: theme.palette.text.secondary, fontWeight: 'bold' },
}));

/** The kind of a line of a unified diff. */
export function diffLineKind(
  line: string,
): 'header' | 'hunk' | 'added' | 'removed' | 'context' {
  if (
    line.startsWith('+++') ||
    line.startsWith('---') ||
    line.startsWith('Index:') ||
    line.startsWith('====')
  ) {
    return 'header';
  }
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'context';
}

/** A unified diff, one line each, with added lines green and removed lines red. */
export function UnifiedDiff(props: { diff: string; title?: string }) {
  const classes = useStyles();
  const lines = props.diff.replace(/\n$/, '').split('\n');
  return (
    <pre className={classes.diff} aria-label={props.title ?? 'diff'}>
      {lines.map((line, i) => {
        const kind = diffLineKind(line);
        return (
          <div
            key={i}
            data-kind={kind}
            className={`${classes.line} ${
              kind === 'context' ? '' : classes[kind]
            }`}
          >
            {line || ' '}
          </div>
        );
      })}
    </pre>
  );
}
