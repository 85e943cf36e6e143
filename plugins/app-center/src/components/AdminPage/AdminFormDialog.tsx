import { ReactNode, useState } from 'react';
import { checkName, checkTitle } from '@internal/plugin-app-center-common';
import { FieldErrors, FormDialog, FormField, useFormSubmit } from '../common';

/** The help under the Name and Title fields of one kind of admin object. */
export interface NameAndTitleHelp {
  name: string;
  title: string;
}

/**
 * The form of a tenant, project or environment dialog: its fields' errors and submission, and the name
 * (fixed once created) and title every admin object has. `scope` names where a new one goes (the project
 * of an environment).
 */
export function useAdminForm(
  kind: string,
  fields: readonly string[],
  existing: { name: string; title?: string } | undefined,
  help: NameAndTitleHelp,
  scope?: string,
) {
  const form = useFormSubmit(fields);
  const [name, setName] = useState(existing?.name ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const editing = !!existing;
  const where = scope ? `${scope}/` : '';
  return {
    ...form,
    kind,
    help,
    editing,
    heading: editing
      ? `Edit ${kind} ${where}${name}`
      : `Create ${kind}${scope ? ` in ${scope}` : ''}`,
    name,
    setName,
    title,
    setTitle,
    /** The title to send: none when left empty. */
    titleToSend: title.trim() || undefined,
    /** Checks the name and title with the object's own rules, then saves. */
    submit: (validate: () => FieldErrors, save: () => Promise<void>) =>
      form.submit(
        () => ({
          name: editing ? undefined : checkName(name),
          title: checkTitle(title),
          ...validate(),
        }),
        save,
      ),
  };
}

type AdminForm = ReturnType<typeof useAdminForm>;

/**
 * The create/edit dialog of an admin object: its Name and Title fields first, then the object's own
 * fields; Create (or Save when editing) validates the whole form and saves.
 */
export function AdminFormDialog(props: {
  form: AdminForm;
  /** The object's own field checks (Name and Title are checked here). */
  validate(): FieldErrors;
  save(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}) {
  const { form } = props;
  const nameAndTitle = [
    { field: 'name', value: form.name, set: form.setName },
    { field: 'title', value: form.title, set: form.setTitle },
  ] as const;
  return (
    <FormDialog
      title={form.heading}
      submitLabel={form.editing ? 'Save' : 'Create'}
      submitting={form.submitting}
      formError={form.formError}
      onClose={props.onClose}
      onSubmit={() => form.submit(props.validate, props.save)}
    >
      {nameAndTitle.map(({ field, value, set }) => (
        <FormField
          key={field}
          id={`${form.kind}-${field}`}
          label={field === 'name' ? 'Name' : 'Title'}
          form={form}
          field={field}
          value={value}
          onChange={set}
          help={form.help[field]}
          disabled={field === 'name' && form.editing}
          required={field === 'name'}
        />
      ))}
      {props.children}
    </FormDialog>
  );
}
