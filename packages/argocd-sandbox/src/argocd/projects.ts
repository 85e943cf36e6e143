/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalidArgument, notFound } from '../http/errors.ts';
import type { Clock } from '../util/clock.ts';
import { newUid } from '../util/ids.ts';
import { clone, deepEqual, isObject } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import { ARGOCD_NAMESPACE } from './appStore.ts';

/** The server address of the cluster Argo CD runs in, which the name `in-cluster` stands for. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
export const IN_CLUSTER_NAME = 'in-cluster';

/** What a project allows when it is created from a bare name: everything, as Argo CD's `default` project. */
export function allowAllSpec(description = ''): any {
  return {
    sourceRepos: ['*'],
    destinations: [{ server: '*', namespace: '*', name: '*' }],
    clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    ...(description ? { description } : {}),
  };
}

/** A project to seed: a name (allowing everything) or an AppProject-like `{name, spec}`. */
export type ProjectSeed = string | { name: string; spec: any };

/** Argo CD's glob: `*` matches any run of characters, `?` one; everything else literally. */
export function globMatch(pattern: string, value: string): boolean {
  const re = pattern
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${re}$`).test(value);
}

/** The AppProjects (`argoproj.io/v1alpha1`, in the `argocd` namespace): `default` always exists. */
export class ProjectStore {
  private readonly projects = new Map<string, any>();
  private readonly clock: Clock;
  private rv = 900;

  constructor(clock: Clock, seeds: ProjectSeed[] = []) {
    this.clock = clock;
    this.reset(seeds);
  }

  reset(seeds: ProjectSeed[] = []): void {
    this.projects.clear();
    this.put('default', allowAllSpec());
    for (const s of seeds) {
      if (typeof s === 'string') this.put(s, allowAllSpec());
      else this.put(s.name, clone(s.spec));
    }
  }

  private put(name: string, spec: any): any {
    const existing = this.projects.get(name);
    const project = {
      metadata: {
        name,
        namespace: ARGOCD_NAMESPACE,
        uid: existing?.metadata.uid ?? newUid(),
        resourceVersion: String(++this.rv),
        generation: (existing?.metadata.generation ?? 0) + 1,
        creationTimestamp:
          existing?.metadata.creationTimestamp ?? rfc3339(this.clock.now()),
      },
      spec,
      status: {},
    };
    this.projects.set(name, project);
    return clone(project);
  }

  peek(name: string): any | undefined {
    return this.projects.get(name);
  }

  get(name: string): any {
    const p = this.projects.get(name);
    if (!p) throw notFound(`appprojects.argoproj.io "${name}" not found`);
    return clone(p);
  }

  list(): any {
    return {
      metadata: { resourceVersion: String(this.rv) },
      items: [...this.projects.keys()]
        .sort()
        .map(n => clone(this.projects.get(n))),
    };
  }

  /** `POST /api/v1/projects` with `{project, upsert}`. */
  create(body: any): any {
    const project = body?.project;
    const name = project?.metadata?.name;
    if (!isObject(project) || !name)
      throw invalidArgument('project name is required');
    const spec = clone(project.spec ?? {});
    const existing = this.projects.get(name);
    if (existing) {
      if (deepEqual(existing.spec, spec)) return clone(existing);
      if (!body.upsert)
        throw invalidArgument(
          'existing project spec is different; use upsert flag to force update',
        );
    }
    return this.put(name, spec);
  }
}

/** The destination's cluster as a name and a server, resolving `in-cluster` either way. */
function clusterOf(dest: any): { name?: string; server?: string } {
  if (dest.name === IN_CLUSTER_NAME || dest.server === IN_CLUSTER_SERVER)
    return { name: IN_CLUSTER_NAME, server: IN_CLUSTER_SERVER };
  return { name: dest.name, server: dest.server };
}

/**
 * Why an Application may not live in its AppProject, as Argo CD's validation words it; undefined when it may.
 * Checks that the project exists, that it permits the source repositories, and the destination.
 */
export function projectViolation(
  store: ProjectStore,
  app: any,
): string | undefined {
  const projectName = app.spec?.project || 'default';
  const project = store.peek(projectName);
  if (!project)
    return `application references project ${projectName} which does not exist`;
  const spec = project.spec ?? {};
  const sources = app.spec?.sources?.length
    ? app.spec.sources
    : [app.spec?.source].filter(Boolean);
  for (const s of sources) {
    const repos: string[] = spec.sourceRepos ?? [];
    if (!repos.some(r => globMatch(r, s.repoURL ?? '')))
      return `application repo ${s.repoURL} is not permitted in project '${projectName}'`;
  }
  const dest = app.spec?.destination ?? {};
  const cluster = clusterOf(dest);
  const ns = dest.namespace ?? '';
  const allowed = (spec.destinations ?? []).some((d: any) => {
    const byServer =
      !!d.server && !!cluster.server && globMatch(d.server, cluster.server);
    const byName =
      !!d.name && !!cluster.name && globMatch(d.name, cluster.name);
    return (byServer || byName) && globMatch(d.namespace ?? '', ns);
  });
  if (!allowed) {
    const where = dest.name
      ? `name '${dest.name}'`
      : `server '${dest.server ?? ''}'`;
    return `application destination ${where} and namespace '${ns}' do not match any of the allowed destinations in project '${projectName}'`;
  }
  return undefined;
}
