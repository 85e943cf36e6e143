import { InputError } from '@backstage/errors';
import { isDnsLabel } from '@internal/plugin-app-center-common';

/** Checks a DNS-1123 label (project, environment and app names). */
export function assertDnsLabel(what: string, value: string): void {
  if (!isDnsLabel(value)) {
    throw new InputError(
      `${what} "${value}" must be a DNS label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit`,
    );
  }
}

/**
 * Folders of the GitOps repository (DESIGN section 3):
 * `<dir>/<project>/templates/<app>/`, `<dir>/<project>/envs/<env>/<app>/` and
 * the provenance file `.app-center.yaml` in each environment app. Names are
 * folders, never joined with dashes, so no two (env, app) pairs collide and an
 * environment may be called anything, `templates` and `base` included.
 */
export class GitOpsLayout {
  static readonly provenanceFile = '.app-center.yaml';
  private readonly root: string;

  constructor(readonly project: string, dir = '') {
    assertDnsLabel('project', project);
    const segments = dir.split('/').filter(s => s && s !== '.');
    if (
      segments.some(s => s === '..' || s.startsWith('.') || s.includes('\\'))
    ) {
      throw new InputError(
        `repository dir "${dir}" must be a plain relative folder`,
      );
    }
    this.root = [...segments, project].join('/');
  }

  get projectDir(): string {
    return this.root;
  }

  get templatesDir(): string {
    return `${this.root}/templates`;
  }

  get envsDir(): string {
    return `${this.root}/envs`;
  }

  templateDir(app: string): string {
    assertDnsLabel('app', app);
    return `${this.templatesDir}/${app}`;
  }

  envDir(env: string): string {
    assertDnsLabel('environment', env);
    return `${this.envsDir}/${env}`;
  }

  envAppDir(env: string, app: string): string {
    assertDnsLabel('app', app);
    return `${this.envDir(env)}/${app}`;
  }

  provenancePath(env: string, app: string): string {
    return `${this.envAppDir(env, app)}/${GitOpsLayout.provenanceFile}`;
  }
}
