import { useRef } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ManifestIssue } from '@internal/plugin-app-center-common';

const LINE_HEIGHT = 20;

const useStyles = makeStyles(theme => ({
  frame: {
    display: 'flex',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
    background: theme.palette.background.paper,
  },
  gutter: {
    margin: 0,
    padding: theme.spacing(1, 1),
    minWidth: '3.5em',
    textAlign: 'right',
    userSelect: 'none',
    overflow: 'hidden',
    fontFamily: 'monospace',
    fontSize: 13,
    lineHeight: `${LINE_HEIGHT}px`,
    color: theme.palette.text.secondary,
    background: theme.palette.background.default,
    borderRight: `1px solid ${theme.palette.divider}`,
  },
  issueLine: {
    color: theme.palette.error.contrastText,
    background: theme.palette.error.main,
    fontWeight: 'bold',
  },
  text: {
    flex: 1,
    margin: 0,
    padding: theme.spacing(1),
    border: 'none',
    outline: 'none',
    resize: 'vertical',
    minHeight: 20 * LINE_HEIGHT,
    fontFamily: 'monospace',
    fontSize: 13,
    lineHeight: `${LINE_HEIGHT}px`,
    whiteSpace: 'pre',
    overflowWrap: 'normal',
    overflowX: 'auto',
    color: theme.palette.text.primary,
    background: 'transparent',
    tabSize: 2,
  },
  issues: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(2) },
  issue: { color: theme.palette.error.main, cursor: 'pointer' },
}));

/**
 * A YAML editor: a monospace text area with line numbers, the lines with problems marked in the gutter and
 * the problems listed below (click one to put the cursor at its line and column).
 */
export function YamlEditor(props: {
  path: string;
  value: string;
  onChange?: (value: string) => void;
  issues?: ManifestIssue[];
  readOnly?: boolean;
}) {
  const classes = useStyles();
  const text = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const issues = props.issues ?? [];
  const issueLines = new Set(issues.map(i => i.line));
  const lineCount = Math.max(1, props.value.split('\n').length);

  const goTo = (issue: ManifestIssue) => {
    const area = text.current;
    if (!area) return;
    const lines = props.value.split('\n');
    const offset =
      lines.slice(0, issue.line - 1).reduce((n, l) => n + l.length + 1, 0) +
      Math.max(0, issue.column - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
    area.scrollTop = Math.max(0, (issue.line - 3) * LINE_HEIGHT);
  };

  return (
    <div>
      <div className={classes.frame}>
        <pre className={classes.gutter} ref={gutter} aria-hidden>
          {Array.from({ length: lineCount }, (_, i) => (
            <div
              key={i}
              data-testid={
                issueLines.has(i + 1) ? `issue-line-${i + 1}` : undefined
              }
              className={issueLines.has(i + 1) ? classes.issueLine : undefined}
              title={
                issues
                  .filter(x => x.line === i + 1)
                  .map(x => x.message)
                  .join('\n') || undefined
              }
            >
              {i + 1}
            </div>
          ))}
        </pre>
        <textarea
          ref={text}
          className={classes.text}
          aria-label={`Content of ${props.path}`}
          spellCheck={false}
          wrap="off"
          value={props.value}
          readOnly={props.readOnly}
          rows={Math.min(40, Math.max(20, lineCount + 1))}
          onChange={e => props.onChange?.(e.target.value)}
          onScroll={e => {
            if (gutter.current)
              gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={e => {
            // Tab inserts two spaces (YAML has no tabs) instead of leaving the editor.
            if (e.key !== 'Tab' || e.shiftKey || props.readOnly) return;
            e.preventDefault();
            const area = e.currentTarget;
            const { selectionStart: start, selectionEnd: end } = area;
            const next = `${props.value.slice(0, start)}  ${props.value.slice(
              end,
            )}`;
            props.onChange?.(next);
            requestAnimationFrame(() =>
              area.setSelectionRange(start + 2, start + 2),
            );
          }}
        />
      </div>
      {issues.length > 0 && (
        <ul className={classes.issues} aria-label={`Problems in ${props.path}`}>
          {issues.map((issue, i) => (
            <li key={i}>
              <Typography
                variant="body2"
                component="span"
                className={classes.issue}
                role="button"
                tabIndex={0}
                onClick={() => goTo(issue)}
                onKeyDown={e => {
                  if (e.key === 'Enter') goTo(issue);
                }}
              >
                Line {issue.line}, column {issue.column}: {issue.message}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
