import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** Title, one line of explanation and the section's primary action. */
export const SectionHeader = (props: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
}) => (
  <Box display="flex" alignItems="flex-start" mb={2}>
    <Box flexGrow={1}>
      <Typography variant="h5" component="h2">
        {props.title}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.description}
      </Typography>
    </Box>
    {props.action && (
      <Box ml={2} flexShrink={0} whiteSpace="nowrap">
        {props.action}
      </Box>
    )}
  </Box>
);
