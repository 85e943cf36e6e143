import { useCallback, useEffect, useRef, useState } from 'react';
import { FieldErrors, isValid, placeError } from './errors';

/**
 * Submission state of one form: client-side validation first, then the request; a 400 whose
 * message names one of `fields` is shown next to that field, anything else above the form.
 */
export function useFormSubmit(fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const submit = useCallback(
    async (validate: () => FieldErrors, save: () => Promise<void>) => {
      const found = validate();
      setErrors(found);
      setFormError(undefined);
      if (!isValid(found)) {
        return;
      }
      setSubmitting(true);
      try {
        await save();
      } catch (e) {
        if (!mounted.current) return;
        const { field, message } = placeError(e, fields);
        if (field) {
          setErrors({ [field]: message });
        } else {
          setFormError(message);
        }
      } finally {
        if (mounted.current) setSubmitting(false);
      }
    },
    [fields],
  );

  /** Clears the message of a field once the user edits it. */
  const clearError = useCallback((field: string) => {
    setErrors(prev => (prev[field] ? { ...prev, [field]: undefined } : prev));
  }, []);

  return { errors, formError, submitting, submit, clearError };
}
