import { useMemo, useState } from 'react';
import type {
  ManifestIssue,
  ManifestWriteResult,
} from '@internal/plugin-app-center-common';
import { errorMessage } from '../common';
import {
  isConflict,
  manifestIssues,
  revisionConflict,
  shortRevision,
} from '../common/manifestErrors';
import {
  changedPaths,
  LoadedFiles,
  newFileProblem,
  pendingChanges,
  reapplyChanges,
  toMap,
} from './draft';

/** Where a folder's files live: how to read them and how to write a change as one commit. */
export interface ManifestStore<R extends ManifestWriteResult> {
  load(): Promise<LoadedFiles>;
  write(change: {
    files: LoadedFiles['files'];
    deleted: string[];
    baseRevision: string;
    message?: string;
  }): Promise<R>;
}

/** A save refused because someone else committed first (409), with their files to compare. */
export interface Conflict {
  baseRevision: string;
  headRevision: string;
  files: string[];
  theirs: LoadedFiles;
}

/**
 * The state of an edit of a folder's manifests: the files loaded, the user's buffers and deletions, the
 * file shown, and the outcome of the last save (problems at their lines, a 409 with both versions, a
 * notice). Saving writes the pending changes from the revision they started at.
 */
export function useManifestDraft<R extends ManifestWriteResult>(
  initial: LoadedFiles,
  store: ManifestStore<R>,
  onSaved?: (result: R) => void,
) {
  const [loaded, setLoaded] = useState<LoadedFiles>(initial);
  const [buffers, setBuffers] = useState(() => toMap(initial.files));
  const [deleted, setDeleted] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState(initial.files[0]?.path);
  const [message, setMessage] = useState('');
  const [issues, setIssues] = useState<ManifestIssue[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [saving, setSaving] = useState(false);

  const changes = useMemo(
    () => pendingChanges(loaded.files, buffers, deleted),
    [loaded, buffers, deleted],
  );

  const reset = (
    files: LoadedFiles,
    keep?: { buffers: Map<string, string>; deleted: Set<string> },
  ) => {
    setLoaded(files);
    setBuffers(keep?.buffers ?? toMap(files.files));
    setDeleted(keep?.deleted ?? new Set());
    if (!keep)
      setSelected(s =>
        files.files.some(f => f.path === s) ? s : files.files[0]?.path,
      );
  };

  const showProblems = (found: ManifestIssue[]) => {
    setIssues(found);
    if (!found.some(i => i.path === selected)) setSelected(found[0].path);
    const s = found.length === 1 ? '' : 's';
    setError(
      `The manifests have ${found.length} problem${s}; nothing was saved.`,
    );
  };

  const showConflict = async (stale: ReturnType<typeof revisionConflict>) => {
    const theirs = await store.load();
    // A 409 names both revisions and the files; without them, compare the two readings.
    const files = stale?.files.length
      ? stale.files
      : changedPaths(loaded.files, theirs.files);
    setConflict({
      baseRevision: stale?.baseRevision ?? loaded.revision,
      headRevision: stale?.headRevision ?? theirs.revision,
      files,
      theirs,
    });
    setSelected(files[0] ?? selected);
  };

  const save = async () => {
    setSaving(true);
    setError(undefined);
    setNotice(undefined);
    setIssues([]);
    try {
      const result = await store.write({
        ...changes,
        baseRevision: loaded.revision,
        message: message.trim() || undefined,
      });
      reset(await store.load());
      setMessage('');
      setConflict(undefined);
      setNotice(
        result.committed
          ? `Saved as ${shortRevision(result.revision)}`
          : 'Nothing changed: no commit made',
      );
      onSaved?.(result);
    } catch (e) {
      const found = manifestIssues(e);
      if (found.length) showProblems(found);
      else if (isConflict(e))
        await showConflict(revisionConflict(e)).catch(reloadError =>
          setError(errorMessage(reloadError)),
        );
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  /** Takes the files as they are now and puts the user's edits back on top of them. */
  const reapply = () => {
    if (!conflict) return;
    reset(conflict.theirs, reapplyChanges(conflict.theirs.files, changes));
    setConflict(undefined);
    setNotice(
      `Reloaded at ${shortRevision(
        conflict.theirs.revision,
      )} with your edit re-applied: check it and save again.`,
    );
  };

  const discard = () => {
    if (!conflict) return;
    reset(conflict.theirs);
    setConflict(undefined);
    setNotice(
      `Reloaded at ${shortRevision(
        conflict.theirs.revision,
      )}; your edit was dropped.`,
    );
  };

  /** Adds an empty file; false (with the reason shown) when the path is not acceptable. */
  const addFile = (path: string): boolean => {
    const problem = newFileProblem(path, buffers);
    setError(problem);
    if (problem) return false;
    setBuffers(new Map(buffers).set(path, ''));
    setSelected(path);
    return true;
  };

  /** Marks a loaded file deleted (or keeps it again); a file added in this edit simply goes. */
  const toggleDelete = (path: string) => {
    if (!loaded.files.some(f => f.path === path)) {
      const next = new Map(buffers);
      next.delete(path);
      setBuffers(next);
      if (selected === path) setSelected([...next.keys()].sort()[0]);
      return;
    }
    const next = new Set(deleted);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setDeleted(next);
  };

  /** Changes a file; its problems from the last save no longer point at the right lines, so they go. */
  const edit = (path: string, content: string) => {
    setBuffers(new Map(buffers).set(path, content));
    setIssues(prev => prev.filter(i => i.path !== path));
  };

  return {
    loaded,
    buffers,
    deleted,
    selected,
    select: setSelected,
    message,
    setMessage,
    issues,
    error,
    notice,
    conflict,
    saving,
    dirty: changes.files.length + changes.deleted.length > 0,
    save,
    reapply,
    discard,
    addFile,
    toggleDelete,
    edit,
  };
}

/** The draft's state and actions, as the editor's parts receive them. */
export type ManifestDraft = ReturnType<typeof useManifestDraft>;
