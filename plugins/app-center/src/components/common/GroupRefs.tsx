import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';

/** A compact list of group refs, `group:default/` shortened to the name. */
export const GroupRefs = ({ refs }: { refs: string[] }) => {
  if (refs.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none
      </Typography>
    );
  }
  return (
    <>
      {refs.map(ref => (
        <Chip
          key={ref}
          size="small"
          label={ref.replace(/^group:default\//, '')}
          title={ref}
          style={{ margin: 2 }}
        />
      ))}
    </>
  );
};
