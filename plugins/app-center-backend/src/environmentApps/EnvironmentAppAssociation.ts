import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { Environment } from '@internal/plugin-app-center-common';
import {
  Application,
  ArgoCDClient,
  ArgoCDInstances,
  applicationName,
  buildApplication,
} from '../argocd';
import type { Caller } from '../domain/Caller';
import type { GitIdentity, GitRepositoryCache } from '../git';
import { isOurs } from './applications';
import { EnvironmentAppStore } from './EnvironmentAppStore';
import { restate } from './errors';
import type { EnvironmentAppReader } from './EnvironmentAppReader';
import { AppsTarget, EnvironmentAppView, environmentAppView } from './views';

/** Resolves the commit author of a user (name and e-mail from the catalog). */
export interface CommitAuthorResolver {
  authorOf(
    userEntityRef: string,
    credentials: BackstageCredentials,
  ): Promise<GitIdentity>;
}

/**
 * Associating a template with an environment (the folder in git, then its Argo CD Application) and
 * disassociating (the Application with cascade, then the folder). Each failure says which state is left and
 * how to finish. Access is checked by the caller before anything here runs.
 */
export class EnvironmentAppAssociation {
  constructor(
    private readonly deps: {
      authors: CommitAuthorResolver;
      cache: Pick<GitRepositoryCache, 'read'>;
      envApps: EnvironmentAppStore;
      argocd: ArgoCDInstances;
      reader: EnvironmentAppReader;
    },
  ) {}

  /**
   * Checks, the environment copy in git (one commit by the user), then the Argo CD Application (upsert, no
   * sync). Argo CD is asked first whether the name is free, so an unreachable Argo CD fails before git changes.
   */
  async associate(
    caller: Caller,
    target: AppsTarget,
    env: Environment,
    input: { app: string; overwrite?: boolean },
  ): Promise<EnvironmentAppView> {
    const app = input.app;
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const desired = buildApplication(target.project, env, app);
    const name = desired.metadata.name;
    await this.requireNameFree(client, target, env, app, name);

    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    const written = await this.deps.envApps
      .associate(
        target.repo,
        { name: env.name, namespace: env.destination.namespace },
        app,
        { author, overwrite: input.overwrite },
      )
      .catch(error => {
        // The template is named in the body: a missing one is bad input, not a missing route.
        if ((error as Error).name === 'NotFoundError')
          throw new InputError((error as Error).message);
        throw error;
      });

    let created: Application;
    try {
      // validate=false: App Center has just written the source folder itself, and Argo CD's repo-server may
      // still hold the branch's previous commit in its revision cache ("app path does not exist").
      // Argo CD still checks the AppProject and the destination.
      created = await client.createApplication(desired, {
        upsert: true,
        validate: false,
      });
    } catch (error) {
      const folder = target.layout.envAppDir(env.name, app);
      throw restate(
        error,
        `the manifests of ${app} are in git (${folder} at commit ${written.revision.slice(
          0,
          12,
        )}), but the Argo CD Application ${name} could not be created: ${
          (error as Error).message
        }. Nothing is deployed; the app shows as "no-application" until you associate again with overwrite, which creates the Application`,
      );
    }
    const summary = await this.deps.reader.appAt(
      target,
      env.name,
      app,
      written.revision,
    );
    return environmentAppView(
      target.project,
      env,
      app,
      summary ?? null,
      created,
    );
  }

  /**
   * Recreates a missing Argo CD Application from what git holds (DESIGN section 9), without touching the
   * files: the way out of "no-application" that keeps the environment's edits. 404 when git has no such
   * app, 409 when the Application exists.
   */
  async recreate(
    target: AppsTarget,
    env: Environment,
    app: string,
  ): Promise<EnvironmentAppView> {
    const summary = await this.deps.reader.appAt(target, env.name, app);
    if (!summary)
      throw new NotFoundError(
        `${app} is not in git for ${target.project.name}/${env.name}; associate its template instead`,
      );
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const desired = buildApplication(target.project, env, app);
    const name = desired.metadata.name;
    const existing = await client
      .getApplication(name, { project: target.project.argocd.project })
      .catch(error => {
        if ((error as Error).name === 'NotFoundError') return undefined;
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      });
    if (existing)
      throw new ConflictError(
        `the Argo CD Application ${name} exists already; nothing was changed`,
      );
    await this.requireNameFree(client, target, env, app, name);
    const created = await client
      .createApplication(desired, { upsert: false, validate: false })
      .catch(error => {
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      });
    return environmentAppView(target.project, env, app, summary, created);
  }

  /**
   * Deletes the Application with cascade (Argo CD removes its resources), then removes the folder, in that
   * order, so nothing is left running without its manifests in git.
   */
  async disassociate(
    caller: Caller,
    target: AppsTarget,
    env: Environment,
    app: string,
  ): Promise<void> {
    const projectName = target.project.name;
    const client = this.deps.argocd.get(target.project.argocd.instance);
    const name = applicationName(projectName, env.name, app);
    const appProject = target.project.argocd.project;
    const [folder, existing] = await Promise.all([
      this.deps.cache.read(target.repo, view =>
        view.oidOf(target.layout.envAppDir(env.name, app)),
      ),
      client.getApplication(name, { project: appProject }).catch(error => {
        if ((error as Error).name === 'NotFoundError') return undefined;
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      }),
    ]);
    if (existing && !isOurs(existing, projectName, env.name, app)) {
      throw new ConflictError(
        `the Argo CD Application ${name} is not managed by App Center for ${projectName}/${env.name}/${app}; nothing was changed`,
      );
    }
    if (!folder && !existing) {
      throw new NotFoundError(
        `${app} is not associated with environment ${env.name} of project ${projectName}`,
      );
    }
    if (existing) {
      try {
        await client.deleteApplication(name, {
          cascade: true,
          project: appProject,
        });
      } catch (error) {
        if ((error as Error).name !== 'NotFoundError') {
          throw restate(
            error,
            `nothing was changed: the Argo CD Application ${name} could not be deleted (${
              (error as Error).message
            }); its folder is still in git. Try again`,
          );
        }
      }
    }
    if (!folder) return;
    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    try {
      await this.deps.envApps.disassociate(
        target.repo,
        { name: env.name, namespace: env.destination.namespace },
        app,
        { author },
      );
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') return;
      const err = error as Error & { statusCode?: number };
      const message = `${
        existing
          ? `the Argo CD Application ${name} was deleted (Argo CD is removing its resources), but `
          : ''
      }the folder ${target.layout.envAppDir(
        env.name,
        app,
      )} could not be removed from git: ${
        err.message
      }. The app shows as "no-application"; disassociate again to remove the folder`;
      throw Object.assign(
        restate(error, message),
        err.statusCode ? { statusCode: err.statusCode } : {},
      );
    }
  }

  /**
   * Before git changes: Argo CD answers (so an unreachable Argo CD changes nothing), and the Application name
   * is free or already App Center's for this app.
   */
  private async requireNameFree(
    client: ArgoCDClient,
    target: AppsTarget,
    env: Environment,
    app: string,
    name: string,
  ) {
    let existing: Application | undefined;
    try {
      existing = await client.getApplication(name, {
        project: target.project.argocd.project,
      });
    } catch (error) {
      if ((error as Error).name !== 'NotFoundError') {
        throw restate(
          error,
          `nothing was changed: ${(error as Error).message}`,
        );
      }
      // Not in the project's AppProject; it may still exist in another one, which an upsert would take over.
      const elsewhere = await client.getApplication(name).catch(e => {
        if ((e as Error).name === 'NotFoundError') return undefined;
        throw restate(e, `nothing was changed: ${(e as Error).message}`);
      });
      if (!elsewhere) return;
      throw new ConflictError(
        `an Argo CD Application named ${name} already exists in AppProject ${elsewhere.spec?.project}; nothing was changed`,
      );
    }
    if (!isOurs(existing!, target.project.name, env.name, app)) {
      throw new ConflictError(
        `an Argo CD Application named ${name} already exists and is not App Center's for ${target.project.name}/${env.name}/${app}; nothing was changed`,
      );
    }
  }
}
