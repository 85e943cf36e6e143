import { parseImage, versionOf } from '../AppStatus';

/** One image repository: its version now and after the rollback. */
export interface ImageChange {
  repository: string;
  now?: string;
  after?: string;
  changed: boolean;
}

/** What the rollback changes in the images: per repository, the version now and at the revision. */
export function previewRollback(
  now: string[],
  atRevision: string[],
): ImageChange[] {
  const current = new Map<string, string>();
  const target = new Map<string, string>();
  for (const ref of now) {
    const p = parseImage(ref);
    current.set(p.repository, versionOf(p));
  }
  for (const ref of atRevision) {
    const p = parseImage(ref);
    target.set(p.repository, versionOf(p));
  }
  const repos = [...new Set([...current.keys(), ...target.keys()])];
  return repos.map(repository => ({
    repository,
    now: current.get(repository),
    after: target.get(repository),
    changed: current.get(repository) !== target.get(repository),
  }));
}
