import { useState } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  DriftConflict,
  DriftResolution,
  EnvironmentDrift,
} from '@internal/plugin-app-center-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { WithReason } from '../AppStatus';
import { appCenterApiRef } from '../../api';
import { errorMessage, useBusyAction } from '../common';
import {
  conflictingFiles,
  driftConflicts,
  shortRevision,
} from '../common/manifestErrors';
import { DriftConflicts } from './DriftConflicts';
import { UnifiedDiff } from './UnifiedDiff';

type Outcome = {
  severity: 'success' | 'error' | 'warning';
  text: string;
  files?: string[];
  conflicts?: DriftConflict[];
};

function EnvironmentDriftCard(props: {
  project: string;
  app: string;
  drift: EnvironmentDrift;
  /** Why the caller may not apply, as the backend's access resolver says; undefined when they may. */
  writeReason?: string;
  onApplied: () => void;
}) {
  const api = useApi(appCenterApiRef);
  const { drift } = props;
  const { busy, run } = useBusyAction();
  const [outcome, setOutcome] = useState<Outcome>();

  const apply = (resolutions?: DriftResolution[]) => {
    setOutcome(undefined);
    return run(
      async () => {
        const result = await api.applyTemplateDrift(
          props.project,
          props.app,
          drift.environment,
          ...(resolutions ? [{ resolutions }] : []),
        );
        setOutcome({
          severity: 'success',
          text: `Applied to ${drift.environment} as ${shortRevision(
            result.revision,
          )}: ${result.merged.join(', ') || 'provenance only'}`,
        });
        props.onApplied();
      },
      e => {
        const files = conflictingFiles(e);
        const conflicts = driftConflicts(e);
        setOutcome(
          files
            ? { severity: 'warning', text: errorMessage(e), files, conflicts }
            : { severity: 'error', text: errorMessage(e) },
        );
      },
    );
  };

  return (
    <Accordion
      defaultExpanded={drift.drifted}
      data-testid={`drift-${drift.environment}`}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box display="flex" alignItems="center" width="100%">
          <Typography variant="subtitle1" style={{ marginRight: 8 }}>
            {drift.environment}
          </Typography>
          {drift.drifted ? (
            <Chip
              size="small"
              color="secondary"
              label={`${drift.files.length} file${
                drift.files.length === 1 ? '' : 's'
              } behind`}
            />
          ) : (
            <Chip size="small" label="up to date" />
          )}
          <Box flexGrow={1} />
          <Typography variant="caption" color="textSecondary">
            copied at {shortRevision(drift.provenance.templateCommit)}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block' }}>
        {outcome && (
          <Alert
            severity={outcome.severity}
            role="alert"
            style={{ marginBottom: 8 }}
          >
            {outcome.files ? (
              <>
                Cannot apply yet: {outcome.files.join(', ')} changed in{' '}
                {drift.environment} too. Nothing was written.
              </>
            ) : (
              outcome.text
            )}
          </Alert>
        )}
        {outcome?.conflicts?.length ? (
          <DriftConflicts
            project={props.project}
            app={props.app}
            environment={drift.environment}
            conflicts={outcome.conflicts}
            busy={busy}
            onApply={apply}
          />
        ) : null}
        {drift.files.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {drift.environment} has every change of the template.
          </Typography>
        ) : (
          drift.files.map(f => (
            <Box key={f.path} mb={2}>
              <Typography variant="body2" style={{ fontFamily: 'monospace' }}>
                {f.path} <Chip size="small" label={f.status} />
              </Typography>
              <UnifiedDiff
                diff={f.diff}
                title={`Changes to ${f.path} for ${drift.environment}`}
              />
            </Box>
          ))
        )}
        {drift.drifted && !outcome?.conflicts?.length && (
          <WithReason
            label={`Apply to ${drift.environment}`}
            reason={props.writeReason}
          >
            <Button
              variant="contained"
              color="primary"
              onClick={() => apply()}
              disabled={busy || !!props.writeReason}
            >
              {busy ? 'Applying…' : `Apply to ${drift.environment}`}
            </Button>
          </WithReason>
        )}
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * What changed in the template since each environment copied it, as unified diffs, with a button per
 * environment that merges the changes into the environment's copy; values both sides changed are then
 * shown side by side to resolve one by one.
 */
export function DriftView(props: {
  project: string;
  app: string;
  /** Why the caller may not apply drift; undefined when they may. */
  writeReason?: string;
  refreshKey?: string;
}) {
  const api = useApi(appCenterApiRef);
  const { project, app } = props;
  const state = useAsyncRetry(
    () => api.getTemplateDrift(project, app),
    [api, project, app, props.refreshKey],
  );
  if (state.loading && !state.value) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const drift = state.value!;
  return (
    <Box>
      {drift.environments.length === 0 ? (
        <Typography variant="body2" color="textSecondary" paragraph>
          No environment has a copy of this template yet: associate it with an
          environment first.
        </Typography>
      ) : (
        drift.environments.map(e => (
          <EnvironmentDriftCard
            key={e.environment}
            project={project}
            app={app}
            drift={e}
            writeReason={props.writeReason}
            onApplied={state.retry}
          />
        ))
      )}
      {drift.notAssociated.length > 0 && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          style={{ marginTop: 8 }}
        >
          Not associated: {drift.notAssociated.join(', ')}
        </Typography>
      )}
    </Box>
  );
}
