import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type {
  DriftConflict,
  DriftResolution,
} from '@internal/plugin-app-center-common';
import { useAppCenterLinks } from '../AppStatus';

type Choice = DriftResolution['take'];

const keyOf = (c: DriftConflict) =>
  JSON.stringify([c.file, c.document, c.path]);

/** Where a conflict is, as people read it: the file, then the document and key path in it. */
function where(c: DriftConflict) {
  if (!c.document) return `${c.file} (whole file)`;
  return `${c.file} · ${c.document} · ${c.path || '(whole document)'}`;
}

function Value(props: { text?: string; label: string }) {
  return props.text === undefined ? (
    <Typography variant="caption" color="textSecondary">
      (none)
    </Typography>
  ) : (
    <Box
      component="pre"
      aria-label={props.label}
      m={0}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
    >
      {props.text}
    </Box>
  );
}

/**
 * The values a drift apply found changed both in the template and in the environment, side by side (as
 * copied, the template now, the environment), with a choice per item. Applying sends the choices; the
 * backend merges everything else as before.
 */
export function DriftConflicts(props: {
  project: string;
  app: string;
  environment: string;
  conflicts: DriftConflict[];
  busy: boolean;
  onApply: (resolutions: DriftResolution[]) => void;
}) {
  const links = useAppCenterLinks();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const { environment, conflicts } = props;
  const chosen = conflicts.filter(c => choices[keyOf(c)]).length;
  const apply = () =>
    props.onApply(
      conflicts.map(c => ({
        file: c.file,
        document: c.document,
        path: c.path,
        take: choices[keyOf(c)],
      })),
    );
  return (
    <Box mb={2} data-testid={`drift-conflicts-${environment}`}>
      <Typography variant="body2" paragraph>
        {conflicts.length} value{conflicts.length === 1 ? '' : 's'} changed both
        in the template and in {environment}. Choose a side for each; everything
        else merges. Or edit{' '}
        <Link to={links.app(props.project, environment, props.app)}>
          {environment}'s manifests
        </Link>{' '}
        by hand.
      </Typography>
      <Table size="small" aria-label={`Conflicts with ${environment}`}>
        <TableHead>
          <TableRow>
            <TableCell>Where</TableCell>
            <TableCell>As copied</TableCell>
            <TableCell>Template now</TableCell>
            <TableCell>{environment}</TableCell>
            <TableCell>Take</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {conflicts.map(c => {
            const key = keyOf(c);
            return (
              <TableRow key={key}>
                <TableCell style={{ fontFamily: 'monospace' }}>
                  {where(c)}
                </TableCell>
                <TableCell>
                  <Value text={c.base} label="as copied" />
                </TableCell>
                <TableCell>
                  <Value text={c.template} label="template now" />
                </TableCell>
                <TableCell>
                  <Value text={c.environment} label={environment} />
                </TableCell>
                <TableCell>
                  <RadioGroup
                    aria-label={`Take for ${where(c)}`}
                    value={choices[key] ?? ''}
                    onChange={e =>
                      setChoices({
                        ...choices,
                        [key]: e.target.value as Choice,
                      })
                    }
                  >
                    <FormControlLabel
                      value="template"
                      control={<Radio color="primary" size="small" />}
                      label="the template's"
                    />
                    <FormControlLabel
                      value="environment"
                      control={<Radio color="primary" size="small" />}
                      label={`keep ${environment}'s`}
                    />
                  </RadioGroup>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Box mt={1}>
        <Button
          variant="contained"
          color="primary"
          disabled={props.busy || chosen < conflicts.length}
          onClick={apply}
        >
          {chosen < conflicts.length
            ? `Choose a side for ${conflicts.length - chosen} more`
            : `Apply to ${environment} with these choices`}
        </Button>
      </Box>
    </Box>
  );
}
