import { useEffect, useMemo, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/frontend-plugin-api';
import { appCenterApiRef, type LogLine } from '../../api';

/** The browser keeps the newest lines only, whatever the volume of the stream. */
export const MAX_LINES = 5000;

const useStyles = makeStyles(theme => ({
  pane: {
    fontFamily: 'monospace',
    fontSize: 12,
    height: 420,
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: theme.palette.background.default,
    padding: theme.spacing(1),
    border: `1px solid ${theme.palette.divider}`,
  },
  pod: { color: theme.palette.info?.main },
  stamp: { color: theme.palette.text.secondary },
}));

const Toggle = (props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) => (
  <FormControlLabel
    label={props.label}
    control={
      <Switch
        checked={props.checked}
        disabled={props.disabled}
        onChange={e => props.onChange(e.target.checked)}
      />
    }
  />
);

/**
 * Logs of one pod, or of a workload's pods merged (each line names its pod): follow, search, timestamps,
 * the previous container (after a restart) and download. A refusal (too many pods, no such container) is
 * shown as the backend words it.
 */
export const LogViewer = (props: {
  project: string;
  env: string;
  app: string;
  /** One pod, or a workload (kind, group and name) whose pods to merge. */
  source: { pod: string } | { kind: string; group: string; name: string };
  containers?: string[];
}) => {
  const { project, env, app, source } = props;
  const classes = useStyles();
  const api = useApi(appCenterApiRef);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [follow, setFollow] = useState(true);
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string>();
  const [ended, setEnded] = useState(false);
  const pane = useRef<HTMLDivElement>(null);
  const query = useMemo(
    () => ({
      ...source,
      tailLines: 500,
      follow: follow && !previous,
      previous,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(source), follow, previous],
  );

  useEffect(() => {
    const abort = new AbortController();
    let batch: LogLine[] = [];
    let frame: ReturnType<typeof setTimeout> | undefined;
    // Lines arrive faster than React should render: add them in batches, keeping the newest MAX_LINES.
    const flush = () => {
      frame = undefined;
      const added = batch;
      batch = [];
      setLines(old => {
        const next = old.concat(added);
        return next.length > MAX_LINES ? next.slice(-MAX_LINES) : next;
      });
    };
    setLines([]);
    setError(undefined);
    setEnded(false);
    api
      .streamLogs(
        project,
        env,
        app,
        query,
        line => {
          batch.push(line);
          if (!frame) frame = setTimeout(flush, 50);
        },
        abort.signal,
      )
      .then(() => {
        if (!abort.signal.aborted) {
          flush();
          setEnded(true);
        }
      })
      .catch(e => {
        if (!abort.signal.aborted) setError(String(e.message ?? e));
      });
    return () => {
      abort.abort();
      if (frame) clearTimeout(frame);
    };
  }, [api, project, env, app, query]);

  useEffect(() => {
    if (follow && pane.current)
      pane.current.scrollTop = pane.current.scrollHeight;
  }, [lines, follow]);

  const needle = search.toLowerCase();
  const shown = needle
    ? lines.filter(l => l.content.toLowerCase().includes(needle))
    : lines;
  const merged = new Set(lines.map(l => l.pod)).size > 1 || !('pod' in source);

  const download = async () => {
    const blob = await api.downloadLogs(project, env, app, query);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${app}-${'pod' in source ? source.pod : source.name}${
      previous ? '-previous' : ''
    }.log`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Box>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        gridGap={8}
        mb={1}
      >
        <Toggle
          label="Follow"
          checked={follow}
          onChange={setFollow}
          disabled={previous}
        />
        <Toggle
          label="Previous container"
          checked={previous}
          onChange={setPrevious}
        />
        <Toggle
          label="Timestamps"
          checked={timestamps}
          onChange={setTimestamps}
        />
        <TextField
          size="small"
          id="log-search"
          label="Search"
          value={search}
          onChange={e => setSearch(e.target.value)}
        />
        <Button size="small" variant="outlined" onClick={download}>
          Download
        </Button>
      </Box>
      {error && (
        <Typography color="error" variant="body2" role="alert">
          {error}
        </Typography>
      )}
      <div className={classes.pane} ref={pane} aria-label="Log lines">
        {shown.map((l, i) => (
          <div key={`${l.timestamp}-${l.pod}-${i}`}>
            {timestamps && (
              <span className={classes.stamp}>{l.timestamp} </span>
            )}
            {merged && <span className={classes.pod}>[{l.pod}] </span>}
            {l.content}
          </div>
        ))}
      </div>
      <Typography variant="caption" color="textSecondary">
        {shown.length} of {lines.length} lines
        {lines.length >= MAX_LINES ? ` (the newest ${MAX_LINES} are kept)` : ''}
        {ended ? ' · the stream ended' : ''}
      </Typography>
    </Box>
  );
};
