import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { Environment, Project } from '@internal/plugin-app-center-common';
import {
  ArgoCDUpstreamError,
  type AppProject,
  type ApplicationDestination,
  type ArgoCDClient,
} from '../argocd';

/** What the check reads of a project: its repository and where its Argo CD AppProject lives. */
export type CheckedProject = Pick<Project, 'name' | 'repo' | 'argocd'>;
/** What the check reads of an environment: its name (for the message) and its destination. */
export type CheckedEnvironment = Pick<Environment, 'name' | 'destination'>;

/** The cluster Argo CD runs in: it knows it under this name and this server address alike. */
const IN_CLUSTER_NAME = 'in-cluster';
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

const isDeny = (pattern: string | undefined) => !!pattern?.startsWith('!');

/**
 * Argo CD's glob (gobwas/glob): `*` any run of characters (not crossing a separator when one is given),
 * `**` any run including separators, `?` one character, `[...]` a class (`[!...]` negated), `{a,b}` either.
 */
function globRegExp(pattern: string, separator?: string): RegExp {
  const notSep = separator ? `[^${separator}]` : '.';
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += `${notSep}*`;
    else if (c === '?') re += notSep;
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.replace(/^!/, '^')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\/\]}]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}${')'.repeat(braces)}$`);
  } catch {
    // Argo CD treats a pattern it cannot compile as matching nothing.
    return /(?!)/;
  }
}

/** Argo CD's `globMatch`: a `!` pattern matches what its rest does not; a bare `*` matches everything. */
function globMatch(pattern: string, value: string, separator?: string) {
  if (isDeny(pattern))
    return !globRegExp(pattern.slice(1), separator).test(value);
  if (pattern === '*') return true;
  return globRegExp(pattern, separator).test(value);
}

/** Argo CD compares repository URLs normalized: lower case, without `.git` and a trailing slash. */
function normalizeRepoURL(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/\.git$/, '')
    .replace(/\/$/, '');
}

/** Whether an AppProject allows something, and the `!` entry that denies it if one does. */
type Verdict<Entry> = { allowed: boolean; deniedBy?: Entry };

/** Whether `sourceRepos` allows the URL: some allow entry matches it and no `!` entry denies it. */
export function sourceRepoVerdict(
  sourceRepos: string[],
  repoURL: string,
): Verdict<string> {
  const url = normalizeRepoURL(repoURL);
  let allowed = false;
  for (const entry of sourceRepos) {
    const pattern = isDeny(entry)
      ? `!${normalizeRepoURL(entry.slice(1))}`
      : normalizeRepoURL(entry);
    if (globMatch(pattern, url, '/')) allowed = true;
    else if (isDeny(pattern)) return { allowed: false, deniedBy: entry };
  }
  return { allowed };
}

/** A cluster registered in Argo CD: its name and its server address. */
export type ClusterRef = { name?: string; server?: string };

/**
 * The destination with both its cluster's name and server, as Argo CD infers the missing one before it
 * checks the AppProject (so an AppProject may allow a cluster either way). `in-cluster` is always known.
 */
function resolveCluster(
  d: ApplicationDestination,
  clusters: ClusterRef[],
): ApplicationDestination {
  const known = [
    { name: IN_CLUSTER_NAME, server: IN_CLUSTER_SERVER },
    ...clusters,
  ].find(c =>
    d.name ? c.name === d.name : !!d.server && c.server === d.server,
  );
  return known ? { ...d, name: known.name, server: known.server } : d;
}

/**
 * Whether `destinations` allows the destination, as Argo CD 2.x decides: some entry matches (by server or
 * name, and namespace) and no entry whose `!` part fails to match denies it.
 */
export function destinationVerdict(
  destinations: ApplicationDestination[],
  destination: ApplicationDestination,
  clusters: ClusterRef[] = [],
): Verdict<ApplicationDestination> {
  const dst = resolveCluster(destination, clusters);
  let matchedAny = false;
  let deniedBy: ApplicationDestination | undefined;
  for (const item of destinations) {
    const name = !!dst.name && globMatch(item.name ?? '', dst.name);
    const server = !!dst.server && globMatch(item.server ?? '', dst.server);
    const namespace = globMatch(item.namespace ?? '', dst.namespace ?? '');
    if ((name || server) && namespace) matchedAny = true;
    else if (
      (!name && isDeny(item.name)) ||
      (!server && isDeny(item.server)) ||
      (!namespace && isDeny(item.namespace))
    )
      deniedBy ??= item;
  }
  return { allowed: matchedAny && !deniedBy, deniedBy };
}

const describeDestination = (d: ApplicationDestination) =>
  JSON.stringify(
    d.name
      ? { name: d.name, namespace: d.namespace }
      : { server: d.server, namespace: d.namespace },
  );

/** What to change in the AppProject so that it allows the project and its environments; empty when it does. */
export function appProjectProblems(
  appProject: AppProject,
  instance: string,
  project: CheckedProject,
  environments: CheckedEnvironment[],
  clusters: ClusterRef[] = [],
): string[] {
  const where = `AppProject "${appProject.metadata.name}" on Argo CD "${instance}"`;
  const spec = appProject.spec ?? {};
  const problems: string[] = [];
  const repo = sourceRepoVerdict(spec.sourceRepos ?? [], project.repo.url);
  if (repo.deniedBy) {
    problems.push(
      `remove "${repo.deniedBy}" from sourceRepos of ${where} (it denies "${project.repo.url}")`,
    );
  } else if (!repo.allowed) {
    problems.push(`add "${project.repo.url}" to sourceRepos of ${where}`);
  }
  for (const env of environments) {
    const dest = destinationVerdict(
      spec.destinations ?? [],
      env.destination,
      clusters,
    );
    if (dest.deniedBy) {
      problems.push(
        `remove ${JSON.stringify(
          dest.deniedBy,
        )} from destinations of ${where} (it denies environment "${env.name}")`,
      );
    } else if (!dest.allowed) {
      problems.push(
        `add ${describeDestination(
          env.destination,
        )} to destinations of ${where} (for environment "${env.name}")`,
      );
    }
  }
  return problems;
}

/**
 * Checks a project and its environments against their Argo CD AppProject before App Center stores them,
 * so that a deploy does not fail later on Argo CD's "not permitted in project". A refusal is a 400 naming
 * what to add; Argo CD being unreachable is its 502/504, so nothing is stored either way.
 */
export class AppProjectCheck {
  constructor(
    private readonly argocd: { get(instance: string): ArgoCDClient },
  ) {}

  /** What keeps the AppProject from allowing the project; upstream failures are thrown. */
  async problems(
    project: CheckedProject,
    environments: CheckedEnvironment[],
  ): Promise<string[]> {
    const { instance, project: name } = project.argocd;
    let appProject: AppProject;
    try {
      appProject = await this.argocd.get(instance).getProject(name);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return [
          `create AppProject "${name}" on Argo CD "${instance}" (it does not exist)`,
        ];
      }
      if (error instanceof NotAllowedError) {
        // Argo CD's refusal concerns App Center's own account, not the caller: the portal's configuration.
        throw new ArgoCDUpstreamError(
          `Argo CD "${instance}" does not let App Center's account read AppProject "${name}"; grant it "get" on projects (${error.message})`,
          { instance },
        );
      }
      throw error;
    }
    const problems = appProjectProblems(
      appProject,
      instance,
      project,
      environments,
    );
    if (!problems.length || !environments.length) return problems;
    // A destination may be allowed under its cluster's other name (server for name, or name for server):
    // ask Argo CD's cluster list only then. Without it (no right to list clusters) the first answer stands.
    const clusters = await this.argocd
      .get(instance)
      .listClusters()
      .catch(() => undefined);
    return clusters
      ? appProjectProblems(
          appProject,
          instance,
          project,
          environments,
          clusters,
        )
      : problems;
  }

  /** Throws a 400 listing what to add when the AppProject does not allow the project and environments. */
  async require(
    project: CheckedProject,
    environments: CheckedEnvironment[],
  ): Promise<void> {
    const problems = await this.problems(project, environments);
    if (problems.length) {
      throw new InputError(
        `project "${
          project.name
        }" is not allowed by its Argo CD AppProject: ${problems.join('; ')}`,
      );
    }
  }
}

/**
 * Checks the projects and environments of app-config (appCenter.tenants) and logs a warning per problem.
 * It never throws: config tenancy is loaded at start-up, and one team's missing AppProject (or an Argo CD
 * that is down for a minute) must not keep the whole portal from starting; deploys to that project fail
 * with Argo CD's own message until the AppProject is fixed, and the warning says what to add.
 */
export async function warnAboutConfigAppProjects(
  check: Pick<AppProjectCheck, 'problems'>,
  tenancy: {
    projects: Array<CheckedProject>;
    environments: Array<CheckedEnvironment & { project: string }>;
  },
  logger: { warn(message: string): void },
): Promise<void> {
  for (const project of tenancy.projects) {
    const environments = tenancy.environments.filter(
      e => e.project === project.name,
    );
    try {
      for (const problem of await check.problems(project, environments)) {
        logger.warn(
          `app-config project "${project.name}" is not allowed by its Argo CD AppProject: ${problem}`,
        );
      }
    } catch (error) {
      logger.warn(
        `could not check the Argo CD AppProject of app-config project "${
          project.name
        }": ${(error as Error).message}`,
      );
    }
  }
}
