import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { Environment } from '@internal/plugin-app-center-common';
import { applicationName, ArgoCDInstances } from '../argocd';
import type { GitRepositoryCache } from '../git';
import { isOurs, projectApplications } from './applications';
import { ReadWarnings } from './errors';
import { GitAppSummary, GitAppSummaryCache } from './gitEnvironmentApps';
import {
  AppsTarget,
  EnvironmentAppView,
  environmentAppView,
  LastTask,
  platformAppViews,
  StoreAppView,
  storeAppViews,
} from './views';

/** The newest task of each app (keyed `<env>/<app>`), shown as the app's last task. */
export type LastTasks = (
  project: string,
  environment?: string,
) => Promise<Map<string, LastTask>>;

/**
 * Reads environment apps: what git holds (folder summaries, cached by tree id) merged with what Argo CD
 * reports (one list call per AppProject). One side being unreachable is a warning, not a failure. Access is
 * the caller's business (the service asks the resolver first).
 */
export class EnvironmentAppReader {
  private readonly summaries = new GitAppSummaryCache();

  constructor(
    private readonly deps: {
      cache: Pick<GitRepositoryCache, 'read'>;
      argocd: ArgoCDInstances;
      logger?: LoggerService;
      lastTasks?: LastTasks;
    },
  ) {}

  /** Platform and store apps of one environment: one git read and one Argo CD list call. */
  async list(
    target: AppsTarget,
    env: Environment,
  ): Promise<{
    platformApps: EnvironmentAppView[];
    storeApps: StoreAppView[];
    warnings?: string[];
  }> {
    const warnings = new ReadWarnings(this.deps.logger);
    const [git, argo] = await Promise.all([
      this.gitEnvironments(target, [env.name]).catch(warnings.gitFailed),
      projectApplications(this.deps.argocd, target).catch(warnings.argoFailed),
    ]);
    if (!git && !argo)
      throw warnings.bothFailed(target.project.argocd.instance);
    const platformApps = platformAppViews(
      target.project,
      env,
      git?.get(env.name),
      argo,
    );
    await this.withLastTasks(target.project.name, env.name, platformApps);
    const storeApps = argo ? storeAppViews(env, argo) : [];
    return { platformApps, storeApps, ...warnings.wire };
  }

  /** One environment app; 404 when neither a folder nor an Application exists. */
  async get(
    target: AppsTarget,
    env: Environment,
    app: string,
  ): Promise<EnvironmentAppView> {
    const { project } = target;
    const warnings = new ReadWarnings(this.deps.logger);
    const name = applicationName(project.name, env.name, app);
    const client = this.deps.argocd.get(project.argocd.instance);
    const [git, argo] = await Promise.all([
      this.deps.cache
        .read(target.repo, view =>
          this.summaries.app(view, target.layout, env.name, app),
        )
        .then(summary => ({ summary }))
        .catch(warnings.gitFailed),
      client
        .getApplication(name, { project: project.argocd.project })
        .then(a => ({
          app: isOurs(a, project.name, env.name, app) ? a : undefined,
        }))
        .catch(error => {
          if ((error as Error).name === 'NotFoundError')
            return { app: undefined };
          return warnings.argoFailed(error);
        }),
    ]);
    if (!git && !argo) throw warnings.bothFailed(project.argocd.instance);
    if (git && argo && !git.summary && !argo.app) {
      throw new NotFoundError(
        `${app} is not associated with environment ${env.name} of project ${project.name}`,
      );
    }
    const view = environmentAppView(
      project,
      env,
      app,
      git ? git.summary ?? null : undefined,
      argo ? argo.app ?? null : undefined,
    );
    await this.withLastTasks(project.name, env.name, [view]);
    return Object.assign(view, warnings.wire);
  }

  /**
   * One app in every given environment of its project (a Component's Deployments tab): its view where it
   * is associated (or where that is unknown), and whether its template exists.
   */
  async acrossEnvironments(
    target: AppsTarget,
    envs: Environment[],
    app: string,
  ): Promise<{
    environments: Array<{ environment: Environment; app?: EnvironmentAppView }>;
    templateExists?: boolean;
    warnings?: string[];
  }> {
    const { project } = target;
    const warnings = new ReadWarnings(this.deps.logger);
    const [git, argo] = await Promise.all([
      this.gitEnvironments(
        target,
        envs.map(e => e.name),
        app,
      ).catch(warnings.gitFailed),
      envs.length
        ? projectApplications(this.deps.argocd, target).catch(
            warnings.argoFailed,
          )
        : [],
    ]);
    const known = git !== undefined && argo !== undefined;
    const environments = envs.map(env => {
      const folder = git?.get(env.name)?.get(app);
      const application = argo?.find(a =>
        isOurs(a, project.name, env.name, app),
      );
      if (!folder && !application && known) return { environment: env };
      return {
        environment: env,
        app: environmentAppView(
          project,
          env,
          app,
          git ? folder ?? null : undefined,
          argo ? application ?? null : undefined,
        ),
      };
    });
    await this.withLastTasks(
      project.name,
      undefined,
      environments.flatMap(e => (e.app ? [e.app] : [])),
    );
    return {
      ...(git ? { templateExists: git.templateExists } : {}),
      environments,
      ...warnings.wire,
    };
  }

  /** The summary of one app's folder (at a revision, after a write), undefined when it has none. */
  appAt(target: AppsTarget, env: string, app: string, revision?: string) {
    return this.deps.cache.read(
      target.repo,
      view => this.summaries.app(view, target.layout, env, app),
      revision,
    );
  }

  /** Folders of the given environments (optionally only one app), and whether the app's template exists. */
  private gitEnvironments(
    target: AppsTarget,
    envs: string[],
    onlyApp?: string,
  ) {
    return this.deps.cache.read(target.repo, async view => {
      const byEnv = new Map<string, Map<string, GitAppSummary>>();
      for (const env of envs) {
        if (onlyApp) {
          const one = await this.summaries.app(
            view,
            target.layout,
            env,
            onlyApp,
          );
          byEnv.set(env, new Map(one ? [[onlyApp, one]] : []));
        } else {
          byEnv.set(
            env,
            await this.summaries.environment(view, target.layout, env),
          );
        }
      }
      const templateExists = onlyApp
        ? !!(await view.oidOf(target.layout.templateDir(onlyApp)))
        : undefined;
      return Object.assign(byEnv, { templateExists });
    });
  }

  /** Sets `lastTask` on the views from the task queue; a failure to read it never fails the read. */
  private async withLastTasks(
    project: string,
    environment: string | undefined,
    views: EnvironmentAppView[],
  ) {
    if (!this.deps.lastTasks || views.length === 0) return;
    const latest = await this.deps
      .lastTasks(project, environment)
      .catch(error => {
        this.deps.logger?.warn(
          `could not read the last tasks of ${project}: ${error}`,
        );
        return new Map<string, LastTask>();
      });
    for (const view of views) {
      const task = latest.get(`${view.environment}/${view.name}`);
      if (task) view.lastTask = task;
    }
  }
}
