import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import Chip from '@material-ui/core/Chip';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  checkGroupRef,
  normalizeGroupRef,
} from '@internal/plugin-app-center-common';
import { GroupOption, useCatalogGroups } from '../../hooks/useCatalogGroups';
import type { FormErrors } from './FormField';

export interface GroupPickerProps {
  /** Label of the field, e.g. "Member groups". */
  label: string;
  /** Selected group refs (`group:<namespace>/<name>`). */
  value: string[];
  onChange(value: string[]): void;
  /** The form whose validation message for `field` shows under the picker (cleared on change). */
  form: FormErrors;
  field: string;
  helperText?: string;
  disabled?: boolean;
  id: string;
}

/**
 * Multi-select of catalog Groups. Options come from the catalog; a ref can also be typed
 * (`team-a`, `group:default/team-a`) and is normalised on entry, so groups that are not in the
 * catalog yet can still be named (the backend decides whether that is acceptable).
 */
export const GroupPicker = (props: GroupPickerProps) => {
  const { label, value, form, field, helperText, disabled, id } = props;
  const error = form.errors[field];
  const onChange = (next: string[]) => {
    props.onChange(next);
    form.clearError(field);
  };
  const groups = useCatalogGroups();
  const [typedError, setTypedError] = useState<string>();
  const options: GroupOption[] = groups.value ?? [];
  const byRef = new Map(options.map(o => [o.ref, o]));

  const shownError = typedError ?? error;
  const loadError = groups.error
    ? `Could not load catalog groups (${groups.error.message}); type refs instead`
    : undefined;

  return (
    <Autocomplete<GroupOption | string, true, false, true>
      id={id}
      multiple
      freeSolo
      autoSelect
      filterSelectedOptions
      disabled={disabled}
      loading={groups.loading}
      options={options}
      value={value}
      getOptionLabel={o => (typeof o === 'string' ? o : o.ref)}
      renderOption={o => (typeof o === 'string' ? o : `${o.title} (${o.ref})`)}
      getOptionSelected={(o, v) =>
        (typeof o === 'string' ? o : o.ref) ===
        (typeof v === 'string' ? v : v.ref)
      }
      onChange={(_event, next) => {
        const refs: string[] = [];
        let problem: string | undefined;
        for (const item of next) {
          if (typeof item !== 'string') {
            refs.push(item.ref);
            continue;
          }
          const message = checkGroupRef(item);
          if (message) {
            problem = message;
            continue;
          }
          const ref = normalizeGroupRef(item);
          if (!refs.includes(ref)) refs.push(ref);
        }
        setTypedError(problem);
        onChange(refs);
      }}
      renderTags={(selected, getTagProps) =>
        selected.map((item, index) => {
          const ref = typeof item === 'string' ? item : item.ref;
          const known = byRef.get(ref);
          const { key, ...tagProps } = getTagProps({ index }) as ReturnType<
            typeof getTagProps
          > & { key?: string };
          return (
            <Chip
              key={key ?? ref}
              size="small"
              label={known ? known.title : ref}
              title={ref}
              {...tagProps}
            />
          );
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          margin="dense"
          variant="outlined"
          error={!!shownError}
          helperText={
            shownError ??
            loadError ??
            helperText ??
            'Pick catalog groups or type a ref such as group:default/team-a'
          }
        />
      )}
    />
  );
};
