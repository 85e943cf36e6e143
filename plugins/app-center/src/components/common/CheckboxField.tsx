import type { ReactNode } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';

/** A labelled checkbox, with its help (or its error, which replaces the help) under it when given. */
export function CheckboxField(props: {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  help?: ReactNode;
  error?: string;
}) {
  const help = props.error ?? props.help;
  return (
    <>
      <FormControlLabel
        control={
          <Checkbox
            checked={props.checked}
            onChange={e => props.onChange(e.target.checked)}
            color="primary"
          />
        }
        label={props.label}
      />
      {help && <FormHelperText error={!!props.error}>{help}</FormHelperText>}
    </>
  );
}
