import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import useAsync from 'react-use/esm/useAsync';
import type {
  ImageSecurityReport,
  components,
} from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';

type Finding = components['schemas']['VulnerabilityFinding'];
type Severity = Finding['severity'];

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];

/** Colours people know from scanners: red for critical down to grey for unknown. */
const COLOURS: Record<Severity, string> = {
  critical: '#b71c1c',
  high: '#e65100',
  medium: '#f9a825',
  low: '#1565c0',
  unknown: '#616161',
};

/** One chip per severity with its count, e.g. "critical 1". */
export const SeverityCounts = (props: {
  counts: ImageSecurityReport['counts'];
}) => (
  <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
    {SEVERITIES.map(s => (
      <Chip
        key={s}
        size="small"
        label={`${s} ${props.counts[s]}`}
        style={
          props.counts[s]
            ? { background: COLOURS[s], color: '#fff' }
            : { opacity: 0.6 }
        }
      />
    ))}
  </Box>
);

const columns: TableColumn<Finding>[] = [
  {
    title: 'Finding',
    render: f =>
      f.url ? (
        <Link href={f.url} target="_blank" rel="noopener">
          {f.id}
        </Link>
      ) : (
        f.id
      ),
  },
  {
    title: 'Severity',
    render: f => (
      <Typography variant="body2" style={{ color: COLOURS[f.severity] }}>
        {f.severity}
      </Typography>
    ),
  },
  { title: 'Package', field: 'package' },
  { title: 'Installed', render: f => f.installedVersion ?? '—' },
  { title: 'Fixed in', render: f => f.fixedVersion ?? 'no fix yet' },
  { title: 'Title', render: f => f.title ?? '' },
];

const ImageReport = ({ report }: { report: ImageSecurityReport }) => (
  <Paper variant="outlined" style={{ padding: 16, marginBottom: 16 }}>
    <Typography variant="subtitle1" style={{ fontFamily: 'monospace' }}>
      {report.image}
    </Typography>
    {report.scanned ? (
      <>
        <Box display="flex" alignItems="center" my={1} style={{ gap: 16 }}>
          <SeverityCounts counts={report.counts} />
          <Typography variant="body2">{report.fixable} fixable</Typography>
          {report.url ? (
            <Link href={report.url} target="_blank" rel="noopener">
              Report in {report.provider}
            </Link>
          ) : (
            <Typography variant="body2">from {report.provider}</Typography>
          )}
          {report.scannedAt && (
            <Typography variant="caption" color="textSecondary">
              scanned {new Date(report.scannedAt).toLocaleString()}
            </Typography>
          )}
        </Box>
        {report.topFindings.length ? (
          <Table
            title="Top findings"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns}
            data={report.topFindings}
          />
        ) : (
          <Typography variant="body2">No findings.</Typography>
        )}
      </>
    ) : (
      <Typography variant="body2" color="textSecondary">
        Not scanned yet: no provider has a report of this image.
      </Typography>
    )}
  </Paper>
);

/** The findings of the images the app runs in this environment, per provider, or how to configure one. */
export const ImageSecurityTab = ({
  project,
  env,
  app,
}: Record<'project' | 'env' | 'app', string>) => {
  const api = useApi(appCenterApiRef);
  const security = useAsync(
    () => api.getImageSecurity(project, env, app),
    [api, project, env, app],
  );
  if (security.loading) return <Progress />;
  if (security.error) return <ResponseErrorPanel error={security.error} />;
  const value = security.value!;
  if (!value.configured)
    return (
      <EmptyState
        missing="info"
        title="No image-security provider is configured"
        description={value.message}
      />
    );
  return (
    <>
      {value.warnings?.map(w => (
        <WarningPanel key={w} title="A provider failed" message={w} />
      ))}
      {value.images.length ? (
        value.images.map(r => (
          <ImageReport key={`${r.image}/${r.provider ?? ''}`} report={r} />
        ))
      ) : (
        <EmptyState
          missing="data"
          title="No running images"
          description="Findings appear here once the app runs in this environment."
        />
      )}
    </>
  );
};
