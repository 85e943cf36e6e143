import { InputError } from '@backstage/errors';
import type { GitTreeEntry } from './types';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MANIFEST = /\.(ya?ml)$/;

/**
 * Decides which paths a caller may write inside an app folder: relative, no
 * `..`, no absolute paths, backslashes, NUL or control characters, only
 * `.yaml`/`.yml` files (which includes `kustomization.yaml`), nothing hidden
 * (the provenance file `.app-center.yaml` is App Center's own).
 */
export class PathPolicy {
  static readonly maxDepth = 4;

  /** Validates a path relative to an app folder and returns it normalised (no leading `./`). */
  static appFile(path: string): string {
    if (typeof path !== 'string' || path.length === 0)
      throw new InputError('file path is empty');
    if (path.length > 255)
      throw new InputError(`file path "${path.slice(0, 40)}..." is too long`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(path))
      throw new InputError('file path contains control characters');
    if (path.includes('\\'))
      throw new InputError(`file path "${path}" contains a backslash; use "/"`);
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
      throw new InputError(
        `file path "${path}" must be relative to the app folder`,
      );
    const segments = path.replace(/^\.\//, '').split('/');
    if (segments.some(s => s === '..'))
      throw new InputError(`file path "${path}" must not contain ".."`);
    if (segments.some(s => s === '' || s === '.'))
      throw new InputError(`file path "${path}" has an empty segment`);
    if (segments.length > PathPolicy.maxDepth)
      throw new InputError(`file path "${path}" is nested too deeply`);
    for (const s of segments) {
      if (!SEGMENT.test(s)) {
        throw new InputError(
          s.startsWith('.')
            ? `file path "${path}": hidden files and folders are reserved`
            : `file path "${path}": "${s}" may only contain letters, digits, "_", "-" and "."`,
        );
      }
    }
    if (!MANIFEST.test(segments[segments.length - 1])) {
      throw new InputError(`file "${path}" must be a .yaml or .yml manifest`);
    }
    return segments.join('/');
  }

  /** Refuses a tree that holds anything but regular files and folders under an app folder (e.g. symlinks). */
  static assertRegularTree(appDir: string, entries: GitTreeEntry[]): void {
    const bad = entries.find(
      e =>
        e.type !== 'file' && e.type !== 'directory' && e.type !== 'executable',
    );
    if (bad) {
      throw new InputError(
        `${bad.path} is a ${bad.type}; App Center only manages regular files in ${appDir} (remove it with git first)`,
      );
    }
  }

  /** Joins an app folder and a validated relative path; the result never leaves the folder. */
  static join(appDir: string, relative: string): string {
    const clean = PathPolicy.appFile(relative);
    return `${appDir}/${clean}`;
  }
}
