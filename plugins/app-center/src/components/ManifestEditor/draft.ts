import type { ManifestFile } from '@internal/plugin-app-center-common';

/** A folder's files as read from the backend, at the commit they were read. */
export interface LoadedFiles {
  revision: string;
  files: ManifestFile[];
}

const FILE_PATH =
  /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\.ya?ml$/;

/** Why a new file cannot have this path (relative, YAML, no `..`), or undefined when it can. */
export function newFileProblem(
  path: string,
  existing: Map<string, string>,
): string | undefined {
  if (!FILE_PATH.test(path)) {
    return `"${path}" is not a manifest path: use letters, digits, "-", "_", "." and "/", ending in .yaml or .yml`;
  }
  return existing.has(path) ? `${path} exists already` : undefined;
}

/** The files as path → content, the way the editor keeps its buffers. */
export const toMap = (files: ManifestFile[]) =>
  new Map(files.map(f => [f.path, f.content]));

/** What the user changed compared with the files loaded: files to write and files to delete. */
export function pendingChanges(
  loaded: ManifestFile[],
  buffers: Map<string, string>,
  deleted: Set<string>,
): { files: ManifestFile[]; deleted: string[] } {
  const before = toMap(loaded);
  const files = [...buffers.entries()]
    .filter(
      ([path, content]) => !deleted.has(path) && before.get(path) !== content,
    )
    .map(([path, content]) => ({ path, content }));
  return { files, deleted: [...deleted].filter(p => before.has(p)) };
}

/**
 * The user's edit put back on top of files someone else changed: their files, with my written files
 * replacing theirs, and my deletions kept for the files that still exist.
 */
export function reapplyChanges(
  theirs: ManifestFile[],
  mine: { files: ManifestFile[]; deleted: string[] },
): { buffers: Map<string, string>; deleted: Set<string> } {
  const buffers = toMap(theirs);
  for (const f of mine.files) buffers.set(f.path, f.content);
  const deleted = new Set(mine.deleted.filter(p => buffers.has(p)));
  return { buffers, deleted };
}

/** The paths whose content differs between two readings of a folder (added, changed or removed). */
export function changedPaths(a: ManifestFile[], b: ManifestFile[]): string[] {
  const before = toMap(a);
  const after = toMap(b);
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter(p => before.get(p) !== after.get(p))
    .sort();
}
