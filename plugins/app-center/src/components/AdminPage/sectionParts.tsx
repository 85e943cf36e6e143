import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';

/** The "Create …" button of an admin section. */
export const CreateButton = (props: {
  what: string;
  onClick(): void;
  disabled?: boolean;
}) => (
  <Button
    variant="contained"
    color="primary"
    startIcon={<AddIcon />}
    disabled={props.disabled}
    onClick={props.onClick}
  >
    Create {props.what}
  </Button>
);

/** A name cell: the name, and the title under it when it says something else. */
export const NameCell = (props: { name: string; title?: string }) => (
  <>
    <Typography variant="body2">{props.name}</Typography>
    {props.title && props.title !== props.name && (
      <Typography variant="caption" color="textSecondary">
        {props.title}
      </Typography>
    )}
  </>
);

/** Says briefly that a change went through. */
export function useSuccessAlert(): (message: string) => void {
  const alertApi = useApi(alertApiRef);
  return message =>
    alertApi.post({ message, severity: 'success', display: 'transient' });
}
