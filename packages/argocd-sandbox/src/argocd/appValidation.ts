/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalidArgument } from '../http/errors.ts';
import { RepoError } from '../repo/gitReader.ts';
import { isObject } from '../util/json.ts';
import type { AppController } from './controller.ts';
import { projectViolation } from './projects.ts';
import type { ServiceOptions } from './service.ts';

const DNS1123 =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Checks an Application the way the API server does on create and update: name, spec, project,
 * destination and source; with `validate`, also that the source's revision and path exist in git.
 */
export async function validateApplication(
  ctl: AppController,
  options: ServiceOptions,
  app: any,
  validate: boolean,
): Promise<void> {
  const name = app?.metadata?.name;
  if (!name) throw invalidArgument('application name is required');
  if (!DNS1123.test(name) || name.length > 253) {
    throw invalidArgument(
      `Application.argoproj.io "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    );
  }
  const spec = app.spec;
  if (!isObject(spec))
    throw invalidArgument(
      `application spec for ${name} is invalid: spec is required`,
    );
  const dest = spec.destination ?? {};
  if (dest.name && dest.server) {
    throw invalidArgument(
      `application destination can't have both name and server defined: ${dest.name} ${dest.server}`,
    );
  }
  if (!dest.name && !dest.server) {
    throw invalidArgument(
      `application spec for ${name} is invalid: InvalidSpecError: Destination server missing from app spec`,
    );
  }
  if (options.clusters && dest.name && !options.clusters.includes(dest.name)) {
    throw invalidArgument(
      `application spec for ${name} is invalid: InvalidSpecError: there are no clusters with this name: ${dest.name}`,
    );
  }
  if (!spec.source?.repoURL)
    throw invalidArgument(
      `application spec for ${name} is invalid: InvalidSpecError: spec.source.repoURL and either spec.source.path, spec.source.chart, or spec.source.ref are required`,
    );
  const violation = projectViolation(options.projects, app);
  if (violation)
    throw invalidArgument(
      `application spec for ${name} is invalid: InvalidSpecError: ${violation}`,
    );
  if (!validate) return;
  try {
    const sha = await ctl.generator.git.resolveRevision(
      spec.source.repoURL,
      spec.source.targetRevision,
    );
    await ctl.generator.git.listFiles(
      spec.source.repoURL,
      sha,
      spec.source.path ?? '',
      false,
    );
  } catch (e) {
    if (e instanceof RepoError) {
      throw invalidArgument(
        `application spec for ${name} is invalid: InvalidSpecError: Unable to generate manifests in ${
          spec.source.path ?? ''
        }: ${e.message}`,
      );
    }
    throw e;
  }
}
