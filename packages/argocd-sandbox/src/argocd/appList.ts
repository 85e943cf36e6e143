/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiError, GrpcCode } from '../http/errors.ts';
import { clone } from '../util/json.ts';
import type { AppStore } from './appStore.ts';
import { ARGOCD_NAMESPACE } from './appStore.ts';
import { parseFields, projectApp } from './fields.ts';
import { matchesSelector, parseSelector, SelectorError } from './selector.ts';

/** The filters of the List endpoint. */
export interface ListQuery {
  selector?: string | null;
  projects: string[];
  name?: string | null;
  repo?: string | null;
  appNamespace?: string | null;
  fields?: string | null;
}

/** The List endpoint: filters by selector, projects, name, repo and namespace; projects fields when asked. */
export function listApplications(apps: AppStore, q: ListQuery): any {
  let reqs;
  try {
    reqs = parseSelector(q.selector);
  } catch (e) {
    if (e instanceof SelectorError)
      throw new ApiError(
        GrpcCode.Unknown,
        `error parsing the selector: ${e.message}`,
      );
    throw e;
  }
  const fields = parseFields(q.fields ?? null);
  const items = apps
    .peekAll()
    .filter(a => matchesSelector(reqs, a.metadata.labels))
    .filter(a => !q.projects.length || q.projects.includes(a.spec?.project))
    .filter(a => !q.name || a.metadata.name === q.name)
    .filter(a => !q.repo || sameRepo(a.spec?.source?.repoURL, q.repo))
    .filter(() => !q.appNamespace || q.appNamespace === ARGOCD_NAMESPACE)
    .map(a => {
      const copy = clone(a);
      // List is served from the informer cache without the tree: no per-resource health (ENDPOINTS.md 5.4)
      for (const r of copy.status?.resources ?? []) delete r.health;
      return fields ? projectApp(copy, fields) : copy;
    });
  return {
    metadata: { resourceVersion: apps.resourceVersion() },
    items,
  };
}

/** Whether two repo URLs name the same repository (case, trailing slashes and `.git` aside). */
function sameRepo(a: string | undefined, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/\.git$/, '')
      .replace(/\/+$/, '');
  return !!a && norm(a) === norm(b);
}
