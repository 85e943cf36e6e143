import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { compareImages, shortName } from './images';

const useStyles = makeStyles(theme => ({
  line: { fontFamily: 'monospace', fontSize: '0.8rem', whiteSpace: 'nowrap' },
  // A difference says more words ("running 1.1 → manifest 1.2"): let it wrap rather than push the
  // table's action buttons out of view.
  differs: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'normal',
    maxWidth: 260,
    color:
      (theme.palette as any).status?.warning ?? theme.palette.warning?.main,
    fontWeight: 600,
  },
}));

/**
 * The images of an app: one line per repository, `web:1.2` when the pods run what git says, else
 * `web: running 1.1 → manifest 1.2` highlighted (a deploy not synced yet, or one that did not roll out).
 */
export const ImagesCell = (props: {
  images?: { manifest: string[]; running: string[] };
}) => {
  const classes = useStyles();
  const rows = props.images ? compareImages(props.images) : [];
  if (rows.length === 0) {
    return (
      <Typography variant="caption" color="textSecondary">
        no images
      </Typography>
    );
  }
  return (
    <Box>
      {rows.map(row => {
        const name = shortName(row.repository);
        if (!row.differs) {
          return (
            <Tooltip key={row.repository} title={row.repository}>
              <Typography className={classes.line}>
                {name}:{row.manifest.join(', ')}
              </Typography>
            </Tooltip>
          );
        }
        const running = row.running.length ? row.running.join(', ') : 'none';
        const manifest = row.manifest.length
          ? row.manifest.join(', ')
          : 'not in git';
        return (
          <Tooltip
            key={row.repository}
            title={`${row.repository}: the pods run ${running}, git says ${manifest}`}
          >
            <Typography
              className={classes.differs}
              aria-label={`${name} differs: running ${running}, manifest ${manifest}`}
            >
              {name}: running {running} → manifest {manifest}
            </Typography>
          </Tooltip>
        );
      })}
    </Box>
  );
};
