import type { ReactNode } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
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
  /** Makes the field a select of these choices. */
  options?: SelectOption[];
};

/** One choice of a select field. */
export interface SelectOption {
  value: string;
  label: string;
}

/** A named object as a choice: "Title (name)" when the title says something else, else the name. */
export const namedOption = (o: { name: string; title?: string }) => ({
  value: o.name,
  label: o.title && o.title !== o.name ? `${o.title} (${o.name})` : o.name,
});

/** The menu items of a select field's choices. */
export const optionItems = (options: SelectOption[]) =>
  options.map(o => (
    <MenuItem key={o.value} value={o.value}>
      {o.label}
    </MenuItem>
  ));

/** A text (or select) field of a form: its error shows in place of its help and clears once the user edits. */
export function FormField(props: FormFieldProps) {
  const { form, field, value, onChange, help, options, ...rest } = props;
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
      select={!!options || rest.select}
    >
      {options ? optionItems(options) : rest.children}
    </TextField>
  );
}
