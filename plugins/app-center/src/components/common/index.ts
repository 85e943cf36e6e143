export { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
export { FormDialog } from './FormDialog';
export { GroupPicker } from './GroupPicker';
export { GroupRefs } from './GroupRefs';
export { RowActions } from './RowActions';
export { SourceChip } from './SourceChip';
export { useFormSubmit } from './useFormSubmit';
export { errorMessage, errorStatus, isValid, placeError } from './errors';
export type { FieldErrors } from './errors';
