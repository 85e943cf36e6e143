import { InputError, NotFoundError } from '@backstage/errors';
import { PathPolicy } from './PathPolicy';
import type { GitFileWrite, GitTreeView } from './types';
import {
  ManifestValidationContext,
  ManifestValidator,
} from './yaml/ManifestValidator';
import { ManifestValidationError } from './yaml/ManifestValidationError';

/** A file of an app folder, path relative to the folder. */
export interface AppFile {
  path: string;
  content: string;
}

/** Edits to an app folder as callers send them. */
export interface AppFilesEdit {
  files?: AppFile[];
  deleted?: string[];
}

const MAX_FILES = 200;

/** Lists the manifest files of an app folder (hidden files excluded); refuses links and submodules. */
export async function readAppFiles(
  view: GitTreeView,
  dir: string,
): Promise<AppFile[]> {
  const entries = await view.list(dir, { recursive: true });
  PathPolicy.assertRegularTree(dir, entries);
  const files: AppFile[] = [];
  for (const e of entries) {
    if (e.type === 'directory') continue;
    const rel = e.path.slice(dir.length + 1);
    if (rel.split('/').some(s => s.startsWith('.'))) continue;
    files.push({ path: rel, content: (await view.readFile(e.path)) ?? '' });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Same as {@link readAppFiles} but 404 when the folder does not exist. */
export async function readExistingAppFiles(
  view: GitTreeView,
  dir: string,
  what: string,
): Promise<AppFile[]> {
  if (!(await view.oidOf(dir)))
    throw new NotFoundError(`${what} does not exist`);
  return readAppFiles(view, dir);
}

/**
 * Turns an edit of an app folder into repository writes: checks every path,
 * validates the written files (and duplicates against the rest of the folder)
 * and returns the writes, the deletions and the resulting folder.
 */
export function planAppEdit(
  dir: string,
  existing: AppFile[],
  edit: AppFilesEdit,
  validator: ManifestValidator,
  ctx: ManifestValidationContext,
): { files: GitFileWrite[]; deleted: string[]; result: AppFile[] } {
  const current = new Map(existing.map(f => [f.path, f.content]));
  const written = new Set<string>();
  const deleted: string[] = [];
  for (const raw of edit.deleted ?? []) {
    const p = PathPolicy.appFile(raw);
    if (!current.has(p))
      throw new InputError(`cannot delete ${p}: there is no such file`);
    current.delete(p);
    deleted.push(p);
  }
  for (const f of edit.files ?? []) {
    if (typeof f?.content !== 'string')
      throw new InputError(`file ${f?.path} has no content`);
    const p = PathPolicy.appFile(f.path);
    if (written.has(p)) throw new InputError(`file ${p} is listed twice`);
    if (deleted.includes(p))
      throw new InputError(`file ${p} is both written and deleted`);
    written.add(p);
    current.set(
      p,
      f.content.endsWith('\n') || f.content === ''
        ? f.content
        : `${f.content}\n`,
    );
  }
  if (current.size > MAX_FILES)
    throw new InputError(`an app folder may hold at most ${MAX_FILES} files`);
  const result = [...current.entries()].map(([path, content]) => ({
    path,
    content,
  }));
  const issues = validator
    .validateFiles(result, ctx)
    .filter(i => written.has(i.path));
  if (issues.length) throw new ManifestValidationError(issues);
  return {
    files: [...written].map(p => ({
      path: `${dir}/${p}`,
      content: current.get(p)!,
    })),
    deleted: deleted.map(p => `${dir}/${p}`),
    result,
  };
}

/** How many files an edit writes or deletes; 400 when it names none. */
export function editedFileCount(edit: AppFilesEdit): number {
  const n = (edit.files?.length ?? 0) + (edit.deleted?.length ?? 0);
  if (n === 0) throw new InputError('nothing to write: give files or deleted');
  return n;
}

/**
 * Plans an edit of an app folder that exists (404 naming `what` otherwise) and must keep at least one file
 * (400 with `whenEmpty` otherwise): how templates and environment apps both write their files.
 */
export async function planExistingAppEdit(
  view: GitTreeView,
  dir: string,
  options: {
    what: string;
    edit: AppFilesEdit;
    validator: ManifestValidator;
    ctx: ManifestValidationContext;
    whenEmpty: string;
  },
): Promise<{ files: GitFileWrite[]; deleted: string[]; result: AppFile[] }> {
  const existing = await readExistingAppFiles(view, dir, options.what);
  const plan = planAppEdit(
    dir,
    existing,
    options.edit,
    options.validator,
    options.ctx,
  );
  if (plan.result.length === 0) throw new InputError(options.whenEmpty);
  return plan;
}
