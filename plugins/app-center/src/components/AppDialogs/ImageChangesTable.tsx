import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ImageChange } from './rollbackPreview';

/** Images now and after a change, the changed ones in bold. */
export const ImageChangesTable = (props: { changes: ImageChange[] }) => {
  if (!props.changes.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No images at either revision.
      </Typography>
    );
  }
  const nothing = props.changes.every(c => !c.changed);
  return (
    <>
      <Table size="small" aria-label="Image changes">
        <TableHead>
          <TableRow>
            <TableCell>Image</TableCell>
            <TableCell>Now</TableCell>
            <TableCell>After</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.changes.map(c => (
            <TableRow key={c.repository}>
              <TableCell style={{ wordBreak: 'break-all' }}>
                {c.repository}
              </TableCell>
              <TableCell>{c.now ?? '—'}</TableCell>
              <TableCell style={{ fontWeight: c.changed ? 700 : undefined }}>
                {c.after ?? 'removed'}
                {c.changed ? ' (changes)' : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {nothing && (
        <Typography variant="caption" color="textSecondary">
          The images stay the same; other manifest changes (replicas, config)
          are rolled back too.
        </Typography>
      )}
    </>
  );
};
