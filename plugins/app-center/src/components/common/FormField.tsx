import type { ReactNode } from 'react';
import TextField, { OutlinedTextFieldProps } from '@material-ui/core/TextField';
import type { FieldErrors } from './errors';

/** What a form's fields need of its validation state (from useFormSubmit or TaskFormDialog). */
export interface FormErrors {
  errors: FieldErrors;
  clearError(field: string): void;
}

type FormFieldProps = Omit<
  OutlinedTextFieldProps,
  'variant' | 'value' | 'onChange' | 'error' | 'helperText'
> & {
  form: FormErrors;
  /** The field's key in the form's errors (a 400 naming it lands here). */
  field: string;
  value: string;
  onChange(value: string): void;
  /** Shown under the field while it has no error. */
  help?: ReactNode;
};

/** A text (or select) field of a form: its error shows in place of its help and clears once the user edits. */
export function FormField(props: FormFieldProps) {
  const { form, field, value, onChange, help, ...rest } = props;
  return (
    <TextField
      fullWidth
      margin="dense"
      {...rest}
      variant="outlined"
      value={value}
      onChange={e => {
        onChange(e.target.value);
        form.clearError(field);
      }}
      error={!!form.errors[field]}
      helperText={form.errors[field] ?? help}
    />
  );
}
