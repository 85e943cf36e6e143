import { ReactNode, useState } from 'react';
import { checkName, checkTitle } from '@internal/plugin-app-center-common';
import { FieldErrors, FormDialog, FormField, useFormSubmit } from '../common';

/** The name (fixed once created) and title every tenant, project and environment has. */
export function useNameAndTitle(existing?: { name: string; title?: string }) {
  const [name, setName] = useState(existing?.name ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  return {
    name,
    setName,
    title,
    setTitle,
    editing: !!existing,
    check: (): FieldErrors => ({
      name: existing ? undefined : checkName(name),
      title: checkTitle(title),
    }),
    /** The title to send: none when left empty. */
    titleToSend: title.trim() || undefined,
  };
}

/**
 * The create/edit dialog of an admin object: its Name and Title fields first, then the object's own
 * fields; Create (or Save when editing) validates the whole form and saves.
 */
export function AdminFormDialog(props: {
  /** The object's kind, prefixing the fields' ids (e.g. "tenant" gives tenant-name). */
  kind: string;
  title: string;
  form: ReturnType<typeof useFormSubmit>;
  names: ReturnType<typeof useNameAndTitle>;
  nameHelp: string;
  titleHelp: string;
  validate(): FieldErrors;
  save(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}) {
  const { kind, form, names } = props;
  return (
    <FormDialog
      title={props.title}
      submitLabel={names.editing ? 'Save' : 'Create'}
      submitting={form.submitting}
      formError={form.formError}
      onClose={props.onClose}
      onSubmit={() =>
        form.submit(
          () => ({ ...names.check(), ...props.validate() }),
          props.save,
        )
      }
    >
      <FormField
        id={`${kind}-name`}
        label="Name"
        form={form}
        field="name"
        value={names.name}
        onChange={names.setName}
        help={props.nameHelp}
        disabled={names.editing}
        required
      />
      <FormField
        id={`${kind}-title`}
        label="Title"
        form={form}
        field="title"
        value={names.title}
        onChange={names.setTitle}
        help={props.titleHelp}
      />
      {props.children}
    </FormDialog>
  );
}
