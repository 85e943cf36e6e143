import { useRef } from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';

const LINE_HEIGHT = 20;

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    fontFamily: 'monospace',
    fontSize: 13,
    lineHeight: `${LINE_HEIGHT}px`,
    maxHeight: 560,
    overflow: 'hidden',
  },
  gutter: {
    padding: theme.spacing(1, 1),
    textAlign: 'right',
    color: theme.palette.text.secondary,
    background: theme.palette.background.default,
    userSelect: 'none',
    overflow: 'hidden',
    minWidth: 48,
  },
  issue: { color: theme.palette.error.main, fontWeight: 700 },
  text: {
    flex: 1,
    border: 0,
    outline: 'none',
    resize: 'none',
    padding: theme.spacing(1),
    fontFamily: 'inherit',
    fontSize: 'inherit',
    lineHeight: 'inherit',
    whiteSpace: 'pre',
    overflow: 'auto',
    color: theme.palette.text.primary,
    background: theme.palette.background.paper,
    minHeight: 320,
  },
}));

/** A monospace YAML editor with line numbers; lines with a problem are marked in the gutter. */
export const YamlEditor = (props: {
  value: string;
  onChange(value: string): void;
  /** 1-based lines with a problem, and the message shown on hover. */
  issues?: Map<number, string>;
  readOnly?: boolean;
  label: string;
}) => {
  const classes = useStyles();
  const gutter = useRef<HTMLDivElement>(null);
  const lines = props.value.split('\n').length;
  return (
    <Box className={classes.root}>
      <div className={classes.gutter} ref={gutter} aria-hidden>
        {Array.from({ length: lines }, (_, i) => {
          const issue = props.issues?.get(i + 1);
          return (
            <div
              key={i}
              className={issue ? classes.issue : undefined}
              title={issue}
            >
              {issue ? `! ${i + 1}` : i + 1}
            </div>
          );
        })}
      </div>
      <textarea
        aria-label={props.label}
        className={classes.text}
        value={props.value}
        readOnly={props.readOnly}
        spellCheck={false}
        rows={Math.min(Math.max(lines, 16), 28)}
        onChange={e => props.onChange(e.target.value)}
        onScroll={e => {
          if (gutter.current) {
            gutter.current.scrollTop = e.currentTarget.scrollTop;
          }
        }}
      />
    </Box>
  );
};
