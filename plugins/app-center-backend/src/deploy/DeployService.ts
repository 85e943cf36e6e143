import { InputError, NotFoundError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import {
  isImageDigest,
  isImageTag,
  type AutoscalingInput,
  type DeployInput,
} from '@internal/plugin-app-center-common';
import type { Request } from 'express';
import { environmentSelector, isManaged, LABELS } from '../argocd';
import type { Caller } from '../domain/AccessControl';
import type { CommitAuthorResolver } from '../environmentApps/EnvironmentAppService';
import {
  assertDnsLabel,
  GitRepositoryCache,
  ImageReference,
  ManifestEditor,
} from '../git';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import { readExistingAppFiles } from '../git/appFiles';
import type { TaskService } from '../tasks/TaskService';
import type { Task } from '../tasks/types';
import { deployStepId } from './deployTask';
import { DeployTargets, EnvironmentTarget } from './targets';
import { TagPublishability, TASK_KINDS } from './types';
import {
  assertNotAutoscaled,
  autoscalersOf,
  manifestObjects,
  pickWorkload,
  validateAutoscaling,
} from './workloads';

const SHA = /^[0-9a-f]{40}$/;

/** A batch deploy as the OpenAPI document defines it. */
export type DeployRequest = DeployInput;

export interface ResourceRef {
  group?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A tag or a digest as the manifests will hold it; 400 naming the app and image when it is neither. */
function tagOrDigest(
  app: string,
  image: string,
  tag: unknown,
): { tag?: string; digest?: string } {
  if (isImageTag(tag)) return { tag };
  if (isImageDigest(tag)) return { digest: tag };
  throw new InputError(
    `${app}: "${String(
      tag,
    )}" for ${image} is neither an image tag (letters, digits, "_", "." and "-", at most 128, not starting with "." or "-") nor a digest (sha256: and 64, or sha512: and 128, lower-case hex characters)`,
  );
}

/**
 * Validates and queues the deploy engine's tasks (batch deploy, scale, autoscaling, rollback, sync) and serves
 * the environment app's manifest files. Everything a request can get wrong is refused here (4xx), before a
 * task is queued or git is written; the handlers do the work.
 */
export class DeployService {
  constructor(
    private readonly deps: {
      targets: DeployTargets;
      git: GitRepositoryCache;
      envApps: EnvironmentAppStore;
      tasks: TaskService;
      authors: CommitAuthorResolver;
      registry?: TagPublishability;
    },
  ) {}

  async deploy(
    caller: Caller,
    project: string,
    env: string,
    body: DeployRequest,
    req?: Request,
  ): Promise<Task> {
    const target = await this.deps.targets.deployable(caller, project, env);
    const apps = this.validateDeploy(body);
    await this.deps.git.read(target.repo, async view => {
      for (const { app, images } of apps) {
        const files = await readExistingAppFiles(
          view,
          target.dirOf(app),
          `${app} in environment ${env}`,
        ).catch(e => {
          throw e instanceof NotFoundError
            ? new InputError(`${app} is not associated with environment ${env}`)
            : e;
        });
        const used = files.flatMap(f => {
          try {
            return new ManifestEditor(f.path, f.content)
              .listImages()
              .map(i => ImageReference.tryParse(i.image));
          } catch {
            return [];
          }
        });
        for (const i of images) {
          const ref = ImageReference.parse(i.image);
          if (!used.some(u => u.ok && u.value.sameRepository(ref))) {
            throw new InputError(
              `${app}: no container in its manifests uses the image ${i.image} (repositories must match exactly)`,
            );
          }
        }
      }
    });
    await this.requireApplications(
      target,
      apps.map(a => a.app),
    );
    await this.requirePublishable(apps);
    return this.enqueue(
      caller,
      target,
      TASK_KINDS.deploy,
      apps.map(a => a.app),
      {
        apps: apps as unknown as JsonObject[],
        ...(body.message ? { message: body.message } : {}),
      },
      [
        {
          id: 'commit',
          title: `Commit the new tags of ${apps.length} app${
            apps.length === 1 ? '' : 's'
          }`,
        },
        ...apps.map(a => ({
          id: deployStepId(a.app),
          title: `Sync ${a.app} and wait until healthy`,
          app: a.app,
        })),
      ],
      req,
    );
  }

  async scale(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: { replicas: number; workload?: string },
    req?: Request,
  ) {
    const target = await this.appTarget(caller, project, env, app);
    const objects = await this.objects(target, app);
    assertNotAutoscaled(
      objects,
      pickWorkload(objects, app, body.workload),
      app,
    );
    return this.enqueue(
      caller,
      target,
      TASK_KINDS.scale,
      [app],
      {
        app,
        replicas: body.replicas,
        ...(body.workload ? { workload: body.workload } : {}),
      },
      this.appSteps(app, `Set replicas to ${body.replicas} in git`),
      req,
    );
  }

  async setAutoscaling(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: AutoscalingInput & { workload?: string },
    req?: Request,
  ) {
    validateAutoscaling(body);
    const target = await this.appTarget(caller, project, env, app);
    pickWorkload(await this.objects(target, app), app, body.workload);
    const autoscaling = Object.fromEntries(
      Object.entries(body).filter(([, v]) => v !== undefined),
    ) as JsonObject;
    return this.enqueue(
      caller,
      target,
      TASK_KINDS.autoscaling,
      [app],
      { app, autoscaling },
      this.appSteps(
        app,
        `Write the autoscaler (${body.minReplicas}-${body.maxReplicas} replicas)`,
      ),
      req,
    );
  }

  async removeAutoscaling(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    workload: string | undefined,
    req?: Request,
  ) {
    const target = await this.appTarget(caller, project, env, app);
    const objects = await this.objects(target, app);
    const picked = pickWorkload(objects, app, workload);
    if (!autoscalersOf(objects, picked).length)
      throw new NotFoundError(
        `${picked.kind} ${picked.name} of ${app} has no autoscaler`,
      );
    return this.enqueue(
      caller,
      target,
      TASK_KINDS.autoscaling,
      [app],
      { app, autoscaling: null, ...(workload ? { workload } : {}) },
      this.appSteps(
        app,
        'Delete the autoscaler in git',
        'Sync with prune and wait until healthy',
      ),
      req,
    );
  }

  async rollback(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: { revision: string },
    req?: Request,
  ) {
    if (typeof body.revision !== 'string' || !SHA.test(body.revision)) {
      throw new InputError(
        'revision must be a 40-character commit SHA from the deploy history',
      );
    }
    const target = await this.appTarget(caller, project, env, app);
    const application = await target.argocd.getApplication(
      target.applicationOf(app),
      { project: target.appProject },
    );
    const deployed = (application.status?.history ?? []).some(
      h => h.revision === body.revision,
    );
    if (!deployed) {
      throw new InputError(
        `${body.revision.slice(
          0,
          12,
        )} is not in the deploy history of ${app} in ${env}; pick a revision from GET .../history`,
      );
    }
    return this.enqueue(
      caller,
      target,
      TASK_KINDS.rollback,
      [app],
      { app, revision: body.revision },
      this.appSteps(
        app,
        `Restore the app's folder as at ${body.revision.slice(0, 12)}`,
        'Sync with prune and wait until healthy',
      ),
      req,
    );
  }

  async sync(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: { resources?: ResourceRef[]; prune?: boolean },
    req?: Request,
    revision?: string,
  ) {
    const resources = (body.resources ?? []).map(r => {
      if (!r?.kind || !r?.name)
        throw new InputError('each resource needs a kind and a name');
      return {
        group: r.group ?? '',
        kind: r.kind,
        name: r.name,
        ...(r.namespace ? { namespace: r.namespace } : {}),
      };
    });
    const target = await this.appTarget(caller, project, env, app);
    const what = resources.length
      ? resources.map(r => `${r.kind}/${r.name}`).join(', ')
      : 'the whole app';
    const steps = [
      {
        id: 'sync',
        title: `Sync ${what}${
          resources.length ? '' : ' and wait until healthy'
        }`,
        app,
      },
    ];
    const input: JsonObject = {
      app,
      ...(resources.length ? { resources } : {}),
      ...(body.prune ? { prune: true } : {}),
      ...(revision ? { revision } : {}),
    };
    return this.enqueue(
      caller,
      target,
      TASK_KINDS.sync,
      [app],
      input,
      steps,
      req,
    );
  }

  // ---- manifests

  async readFiles(caller: Caller, project: string, env: string, app: string) {
    assertDnsLabel('app', app);
    const target = await this.deps.targets.readable(caller, project, env);
    const { revision, files } = await this.deps.envApps.readFiles(
      target.repo,
      target.envRef,
      app,
    );
    return { revision, files };
  }

  async writeFiles(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: {
      files?: Array<{ path: string; content: string }>;
      deleted?: string[];
      baseRevision?: string;
      message?: string;
      sync?: boolean;
    },
    req?: Request,
  ) {
    const target = await this.appTarget(caller, project, env, app, false);
    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    const written = await this.deps.envApps.writeFiles(
      target.repo,
      target.envRef,
      app,
      body,
      { author, message: body.message },
    );
    const dir = `${target.dirOf(app)}/`;
    const result = {
      revision: written.revision,
      parent: written.parent,
      committed: written.committed,
      files: written.changedPaths.map(p =>
        p.startsWith(dir) ? p.slice(dir.length) : p,
      ),
    };
    if (!body.sync) return result;
    const task = await this.sync(
      caller,
      project,
      env,
      app,
      {},
      req,
      written.revision,
    );
    return { ...result, task };
  }

  // ---- helpers

  private validateDeploy(body: DeployRequest) {
    // The OpenAPI document bounds the counts (1 to 500 apps, 1 to 20 images each); the rules below are not in it.
    const seen = new Set<string>();
    return body.apps.map(({ app, images }) => {
      assertDnsLabel('app', app);
      if (seen.has(app)) throw new InputError(`${app} is listed twice`);
      seen.add(app);
      return {
        app,
        images: images.map(i => {
          const parsed = ImageReference.tryParse(i.image);
          if (!parsed.ok)
            throw new InputError(
              `${app}: invalid image "${i.image}": ${parsed.reason}`,
            );
          return {
            image: parsed.value.name,
            ...tagOrDigest(app, i.image, i.tag),
          };
        }),
      };
    });
  }

  /** Refuses tags a registry provider marks unpublishable (fail closed: a provider error refuses too). */
  private async requirePublishable(
    apps: Array<{
      app: string;
      images: Array<{ image: string; tag?: string }>;
    }>,
  ) {
    const registry = this.deps.registry;
    if (!registry) return;
    const checks = apps.flatMap(a =>
      a.images
        .filter(i => i.tag)
        .map(i => ({ app: a.app, image: i.image, tag: i.tag! })),
    );
    const answers = await Promise.all(
      checks.map(c => registry.isTagPublishable(c.image, c.tag)),
    );
    const refused = checks
      .map((c, n) => ({ ...c, ...answers[n] }))
      .filter(c => !c.publishable);
    if (refused.length) {
      throw new InputError(
        `unpublishable tags: ${refused
          .map(
            r =>
              `${r.app}: ${r.image}:${r.tag}${
                r.reason ? ` (${r.reason})` : ''
              }`,
          )
          .join('; ')}`,
      );
    }
  }

  /** Every app has its App Center Application in the environment (one Argo CD list call). */
  private async requireApplications(target: EnvironmentTarget, apps: string[]) {
    const list = await target.argocd.listApplications({
      selector: environmentSelector(target.project.name, target.env.name),
      projects: [target.appProject],
      fields: ['items.metadata.name', 'items.metadata.labels'],
    });
    const present = new Set(
      list.filter(isManaged).map(a => a.metadata.labels?.[LABELS.app]),
    );
    const missing = apps.filter(a => !present.has(a));
    if (missing.length) {
      throw new InputError(
        `${missing.join(', ')} ${
          missing.length === 1 ? 'has' : 'have'
        } no Argo CD Application in ${
          target.env.name
        }; associate again (with overwrite) to create it`,
      );
    }
  }

  private async appTarget(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    needApplication = true,
  ) {
    assertDnsLabel('app', app);
    const target = await this.deps.targets.deployable(caller, project, env);
    await this.deps.git.read(target.repo, async view => {
      if (!(await view.oidOf(target.dirOf(app))))
        throw new NotFoundError(
          `${app} is not associated with environment ${env}`,
        );
    });
    if (needApplication) await this.requireApplications(target, [app]);
    return target;
  }

  private async objects(target: EnvironmentTarget, app: string) {
    return this.deps.git.read(target.repo, async view =>
      manifestObjects(
        await readExistingAppFiles(
          view,
          target.dirOf(app),
          `${app} in environment ${target.env.name}`,
        ),
      ),
    );
  }

  private appSteps(
    app: string,
    commitTitle: string,
    syncTitle = 'Sync and wait until healthy',
  ) {
    return [
      { id: 'commit', title: commitTitle, app },
      { id: 'sync', title: syncTitle, app },
    ];
  }

  private async enqueue(
    caller: Caller,
    target: EnvironmentTarget,
    kind: string,
    apps: string[],
    input: JsonObject,
    steps: Array<{ id: string; title: string; app?: string }>,
    req?: Request,
  ): Promise<Task> {
    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    return this.deps.tasks.enqueue(
      caller,
      {
        kind,
        project: target.project.name,
        environment: target.env.name,
        apps,
        input: { ...input, author: { name: author.name, email: author.email } },
        steps,
        lockKeys: apps.map(
          a => `${target.project.name}/${target.env.name}/${a}`,
        ),
      },
      req,
    );
  }
}
