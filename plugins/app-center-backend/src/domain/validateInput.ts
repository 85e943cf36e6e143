import { InputError } from '@backstage/errors';
import {
  checkBranch,
  checkGroupRef,
  checkName,
  checkRepoDir,
  checkRepoUrl,
  checkServerUrl,
  checkSubdomain,
  checkTitle,
  normalizeGroupRef,
  normalizeRepoDir,
  type EntrySource,
} from '@internal/plugin-app-center-common';
import type {
  EnvironmentRecord,
  ProjectRecord,
  TenantRecord,
} from './DomainStore';

/*
 * Turns untrusted input (HTTP bodies, app-config) into the records the store keeps, or throws one InputError
 * naming every problem, each starting with its field so the portal can show it next to that field.
 * Nothing is written before these pass.
 */

type Problems = string[];

const ENV_KINDS = ['dev', 'test', 'prod'] as const;

function fail(problems: Problems, what: string): never {
  throw new InputError(
    problems.length === 1
      ? problems[0]
      : `${what} has ${problems.length} problems: ${problems.join('; ')}`,
  );
}

function add(problems: Problems, problem: string | undefined) {
  if (problem) problems.push(problem);
}

function obj(value: unknown): Record<string, any> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, any>)
    : {};
}

function groupList(
  problems: Problems,
  value: unknown,
  field: string,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${field} must be a list of catalog group references`);
    return [];
  }
  const out: string[] = [];
  for (const ref of value) {
    const problem = checkGroupRef(ref);
    if (problem) problems.push(`${field}: ${problem}`);
    else out.push(normalizeGroupRef(ref));
  }
  return [...new Set(out)];
}

function bool(problems: Problems, value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    problems.push(`${field} must be true or false`);
  return value === true;
}

function text(problems: Problems, value: unknown, field: string, max: number) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.push(`${field} must be a string`);
    return undefined;
  }
  if (value.length > max)
    problems.push(`${field} is longer than ${max} characters`);
  return value.trim();
}

export function validateTenant(
  name: unknown,
  input: unknown,
  source: EntrySource,
): TenantRecord {
  const body = obj(input);
  const problems: Problems = [];
  add(problems, checkName(name, 'name'));
  add(problems, checkTitle(body.title));
  const groups = groupList(problems, body.groups, 'groups');
  const adminGroups = groupList(problems, body.adminGroups, 'adminGroups');
  if (problems.length) fail(problems, 'the tenant');
  return {
    name: name as string,
    title: (body.title as string | undefined)?.trim() || (name as string),
    groups,
    adminGroups,
    source,
  };
}

export function validateProject(
  name: unknown,
  input: unknown,
  source: EntrySource,
  argocdInstances: string[],
): ProjectRecord {
  const body = obj(input);
  const repo = obj(body.repo);
  const argocd = obj(body.argocd);
  const problems: Problems = [];
  add(problems, checkName(name, 'name'));
  add(problems, checkName(body.tenant, 'tenant'));
  add(problems, checkTitle(body.title));
  const description = text(problems, body.description, 'description', 2000);
  add(problems, checkRepoUrl(repo.url));
  const branch = repo.branch ?? 'main';
  add(problems, checkBranch(branch));
  add(problems, checkRepoDir(repo.dir));
  const instance = argocd.instance;
  if (typeof instance !== 'string' || !instance) {
    problems.push('argocd.instance is required');
  } else if (!argocdInstances.includes(instance)) {
    problems.push(
      argocdInstances.length
        ? `argocd.instance "${instance}" is not configured; configured instances: ${argocdInstances.join(
            ', ',
          )}`
        : `argocd.instance "${instance}" is not configured: no Argo CD instance is set in appCenter.argocd.instances`,
    );
  }
  const argoProject = argocd.project ?? 'default';
  add(problems, checkSubdomain(argoProject, 'argocd.project'));
  const allowClusterScoped = bool(
    problems,
    body.allowClusterScoped,
    'allowClusterScoped',
  );
  if (problems.length) fail(problems, 'the project');
  return {
    name: name as string,
    tenant: body.tenant,
    title: (body.title as string | undefined)?.trim() || (name as string),
    description: description ?? '',
    repo: {
      url: repo.url,
      branch,
      dir: normalizeRepoDir(repo.dir),
    },
    argocd: { instance, project: argoProject },
    allowClusterScoped,
    source,
  };
}

export function validateEnvironment(
  project: string,
  name: unknown,
  input: unknown,
  source: EntrySource,
): EnvironmentRecord {
  const body = obj(input);
  const destination = obj(body.destination);
  const problems: Problems = [];
  add(problems, checkName(name, 'name'));
  add(problems, checkTitle(body.title));
  if (!ENV_KINDS.includes(body.kind)) {
    problems.push(`kind must be one of ${ENV_KINDS.join(', ')}`);
  }
  const hasName = destination.name !== undefined && destination.name !== '';
  const hasServer =
    destination.server !== undefined && destination.server !== '';
  if (hasName === hasServer) {
    problems.push(
      'destination needs exactly one of name (a cluster registered in Argo CD) or server (its API URL)',
    );
  } else if (hasName) {
    add(problems, checkSubdomain(destination.name, 'destination.name'));
  } else {
    add(problems, checkServerUrl(destination.server));
  }
  add(problems, checkName(destination.namespace, 'destination.namespace'));
  const isProtected = bool(problems, body.protected, 'protected');
  const deployerGroups = groupList(
    problems,
    body.deployerGroups,
    'deployerGroups',
  );
  if (body.cluster !== undefined && body.cluster !== '') {
    add(problems, checkSubdomain(body.cluster, 'cluster'));
  }
  if (problems.length) fail(problems, 'the environment');
  const env: EnvironmentRecord = {
    project,
    name: name as string,
    title: (body.title as string | undefined)?.trim() || (name as string),
    kind: body.kind,
    destination: hasName
      ? { name: destination.name, namespace: destination.namespace }
      : { server: destination.server, namespace: destination.namespace },
    protected: isProtected,
    deployerGroups,
    source,
  };
  if (body.cluster) env.cluster = body.cluster;
  return env;
}
