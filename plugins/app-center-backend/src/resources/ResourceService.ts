import { InputError, NotFoundError } from '@backstage/errors';
import type {
  LiveResource,
  ResourceEvent,
  ResourceStateDiff,
  ResourceTree,
  Task,
} from '@internal/plugin-app-center-common';
import type { KubernetesEvent } from '../argocd';
import type { Caller } from '../domain/Caller';
import { assertDnsLabel } from '../git';
import type { DeployTargets, EnvironmentTarget } from '../deploy/targets';
import type { TaskService } from '../tasks/TaskService';
import { resourceStateDiff, toYaml } from './resourceDiff';
import { buildResourceTree } from './resourceTree';

/** One resource of an app: what the resource routes take in their query. */
export interface ResourceCoordinates {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** An environment app as the routes name it. */
export interface AppPath {
  project: string;
  env: string;
  app: string;
}

/** Where an app lives: the environment target (access checked) and its Application's name. */
export interface AppLocation {
  target: EnvironmentTarget;
  application: string;
}

function toEvent(e: KubernetesEvent): ResourceEvent {
  return {
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    count: e.count ?? 1,
    ...(e.firstTimestamp ? { firstTimestamp: e.firstTimestamp } : {}),
    ...(e.lastTimestamp || e.eventTime
      ? { lastTimestamp: (e.lastTimestamp ?? e.eventTime)! }
      : {}),
    ...(e.source?.component || e.reportingComponent
      ? { source: e.source?.component ?? e.reportingComponent }
      : {}),
    involvedObject: {
      kind: e.involvedObject?.kind,
      name: e.involvedObject?.name,
      namespace: e.involvedObject?.namespace,
    },
  };
}

/**
 * Resource status of an environment app (issue 9): its live tree, one resource's manifest, diff and events,
 * and deleting one resource as a task. Reads need to be able to read the project; changes to deploy.
 */
export class ResourceService {
  constructor(
    private readonly deps: { targets: DeployTargets; tasks: TaskService },
  ) {}

  /** The app's Application, for a caller who may read the project. */
  async locate(caller: Caller, where: AppPath): Promise<AppLocation> {
    assertDnsLabel('app', where.app);
    const target = await this.deps.targets.readable(
      caller,
      where.project,
      where.env,
    );
    return { target, application: target.applicationOf(where.app) };
  }

  async tree(caller: Caller, where: AppPath): Promise<ResourceTree> {
    const { target, application } = await this.locate(caller, where);
    const options = { project: target.appProject };
    const [application_, tree] = await Promise.all([
      target.argocd.getApplication(application, options),
      target.argocd.resourceTree(application, options),
    ]);
    return buildResourceTree(application_, tree);
  }

  async resource(
    caller: Caller,
    where: AppPath,
    ref: ResourceCoordinates,
  ): Promise<LiveResource> {
    const { target, application } = await this.locate(caller, where);
    const { group = '', version, kind, namespace, name: resourceName } = ref;
    const manifest = await target.argocd.getResource(
      application,
      { group, version, kind, namespace, resourceName },
      { project: target.appProject },
    );
    const metadata = (manifest.metadata ?? {}) as Record<string, unknown>;
    const { managedFields: _managed, ...shown } = metadata;
    return { manifest, yaml: toYaml({ ...manifest, metadata: shown }) };
  }

  async diff(
    caller: Caller,
    where: AppPath,
    ref: Omit<ResourceCoordinates, 'version'>,
  ): Promise<ResourceStateDiff> {
    const { target, application } = await this.locate(caller, where);
    const { group = '', kind, namespace = '', name } = ref;
    const items = await target.argocd.managedResources(
      application,
      { group, kind, namespace, name },
      { project: target.appProject },
    );
    // An empty filter value matches everything: keep the exact resource.
    const item = items.find(
      i =>
        i.kind === ref.kind &&
        i.name === ref.name &&
        (i.group ?? '') === (ref.group ?? '') &&
        (i.namespace ?? '') === (ref.namespace ?? ''),
    );
    if (!item)
      throw new NotFoundError(
        `${ref.kind}/${ref.name} is not a resource managed by ${where.app} (only resources in git have a diff)`,
      );
    return resourceStateDiff(item);
  }

  /** Events of one resource (namespace, name and uid; the uid is looked up when missing), or of the app. */
  async events(
    caller: Caller,
    where: AppPath,
    resource: { namespace?: string; name?: string; uid?: string },
  ): Promise<ResourceEvent[]> {
    const { target, application } = await this.locate(caller, where);
    const options = { project: target.appProject };
    let query = {};
    if (resource.name || resource.uid || resource.namespace) {
      if (!resource.name)
        throw new InputError(
          'the events of one resource need its name (and namespace and uid); leave all out for the app',
        );
      let uid = resource.uid;
      if (!uid) {
        const tree = await target.argocd.resourceTree(application, options);
        uid = tree.nodes?.find(
          n =>
            n.name === resource.name &&
            (n.namespace ?? '') === (resource.namespace ?? ''),
        )?.uid;
        if (!uid)
          throw new NotFoundError(
            `${resource.name} is not a resource of ${where.app}`,
          );
      }
      query = {
        resourceNamespace: resource.namespace ?? '',
        resourceName: resource.name,
        resourceUID: uid,
      };
    }
    const events = await target.argocd.events(application, {
      ...query,
      ...options,
    });
    const when = (e: ResourceEvent) =>
      e.lastTimestamp ?? e.firstTimestamp ?? '';
    return events.map(toEvent).sort((a, b) => when(b).localeCompare(when(a)));
  }

  /** Deletes one live resource, as a task (starting it needs the right to deploy to the environment). */
  deleteResource(
    caller: Caller,
    where: AppPath,
    ref: ResourceCoordinates,
    cascade: 'foreground' | 'background' | 'orphan' | undefined,
  ): Promise<Task> {
    assertDnsLabel('app', where.app);
    return this.deps.tasks.start(caller, {
      kind: 'resource-delete',
      project: where.project,
      environment: where.env,
      input: {
        app: where.app,
        resource: ref,
        ...(cascade ? { cascade } : {}),
      },
    });
  }
}
