/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  listActions,
  runAction,
  UnknownActionError,
} from '../cluster/actions.ts';
import type { K8sObject } from '../cluster/types.ts';
import { groupOf, objKey, refOf } from '../cluster/types.ts';
import { invalidArgument } from '../http/errors.ts';
import { clone } from '../util/json.ts';
import { maskSecrets, predictApply, isModified } from './apply.ts';
import type { ApplicationService } from './service.ts';
import { wireTree } from './tree.ts';

export interface ResourceQuery {
  namespace?: string | null;
  resourceName?: string | null;
  version?: string | null;
  group?: string | null;
  kind?: string | null;
}

/** Resource-level endpoints of the Application service: tree, diff material, live manifests, actions, events. */
export class ResourceService {
  private readonly svc: ApplicationService;

  constructor(svc: ApplicationService) {
    this.svc = svc;
  }

  private get ctl() {
    return this.svc.ctl;
  }

  tree(
    name: string,
    project?: string | null,
    appNamespace?: string | null,
  ): any {
    this.svc.find(name, project, appNamespace);
    return wireTree(this.ctl.tree(name));
  }

  /** The live object of a node of the app's tree (managed resource or descendant). */
  liveInTree(name: string, q: ResourceQuery): K8sObject {
    const tree = this.ctl.tree(name);
    const node = tree.nodes.find(
      (n: any) =>
        n.name === q.resourceName &&
        n.kind === q.kind &&
        (n.group ?? '') === (q.group ?? '') &&
        (!q.namespace || (n.namespace ?? '') === q.namespace) &&
        (!q.version || n.version === q.version),
    );
    const obj =
      node &&
      this.ctl.sim.store.get({
        group: node.group ?? '',
        kind: node.kind,
        namespace: node.namespace ?? '',
        name: node.name,
      });
    if (!obj)
      throw invalidArgument(
        `${q.kind} ${q.group ?? ''} ${
          q.resourceName
        } not found as part of application ${name}`,
      );
    return obj;
  }

  managedResources(
    name: string,
    f: {
      namespace?: string | null;
      name?: string | null;
      version?: string | null;
      group?: string | null;
      kind?: string | null;
    },
    project?: string | null,
  ): any {
    this.svc.find(name, project);
    const cmp = this.ctl.comparisons.get(name) ?? {};
    const store = this.ctl.sim.store;
    const targets = cmp.targets ?? [];
    const pairs = new Map<string, { target?: K8sObject; live?: K8sObject }>();
    for (const t of targets)
      pairs.set(objKey(t), { target: t, live: store.get(refOf(t)) });
    for (const l of this.ctl.managedLive(name)) {
      const key = objKey(l as K8sObject);
      if (!pairs.has(key)) pairs.set(key, { live: clone(l as K8sObject) });
    }
    const items: any[] = [];
    for (const { target, live } of pairs.values()) {
      const o = (target ?? live)!;
      const group = groupOf(o.apiVersion);
      const version = o.apiVersion.includes('/')
        ? o.apiVersion.split('/')[1]
        : o.apiVersion;
      if (f.namespace && (o.metadata.namespace ?? '') !== f.namespace) continue;
      if (f.name && o.metadata.name !== f.name) continue;
      if (f.kind && o.kind !== f.kind) continue;
      if (f.group && group !== f.group) continue;
      if (f.version && version !== f.version) continue;
      const predicted = target ? predictApply(live, target) : undefined;
      const [mt, ml, mp] = maskSecrets(target, live, predicted);
      const json = (x: any) => (x ? JSON.stringify(x) : 'null');
      items.push(
        omitEmpty({
          group,
          kind: o.kind,
          namespace: o.metadata.namespace ?? '',
          name: o.metadata.name,
          targetState: json(mt),
          liveState: json(ml),
          normalizedLiveState: json(ml),
          predictedLiveState: json(mp),
          diff: '',
          hook: false,
          modified: target ? isModified(live, target) : true,
          resourceVersion: live?.metadata.resourceVersion ?? '',
        }),
      );
    }
    const key = (i: any) =>
      `${i.group ?? ''}/${i.kind}/${i.namespace ?? ''}/${i.name}`;
    items.sort((a, b) => key(a).localeCompare(key(b)));
    // Go's omitempty: no managed resources means no `items` at all
    return items.length ? { items } : {};
  }

  resource(name: string, q: ResourceQuery, project?: string | null): any {
    this.svc.find(name, project);
    const [masked] = maskSecrets(this.liveInTree(name, q));
    return { manifest: JSON.stringify(masked) };
  }

  deleteResource(
    name: string,
    q: ResourceQuery & { force?: boolean; orphan?: boolean },
    project?: string | null,
  ): any {
    const app = this.svc.find(name, project);
    const obj = this.liveInTree(name, q);
    this.ctl.sim.store.delete(refOf(obj), deletionPolicyOf(q));
    this.ctl.appEvent(
      app,
      'Normal',
      'ResourceDeleted',
      `${this.svc.options.username} deleted resource ${groupOf(
        obj.apiVersion,
      )}/${obj.kind} '${obj.metadata.name}'`,
      'argocd-server',
    );
    return {};
  }

  actions(name: string, q: ResourceQuery, project?: string | null): any {
    this.svc.find(name, project);
    const actions = listActions(this.liveInTree(name, q));
    return actions.length ? { actions } : {};
  }

  runAction(
    name: string,
    q: ResourceQuery,
    action: string,
    project?: string | null,
  ): any {
    const app = this.svc.find(name, project);
    if (!action) throw invalidArgument('action is required');
    const obj = this.liveInTree(name, q);
    try {
      runAction(this.ctl.sim, obj, action);
    } catch (e) {
      if (e instanceof UnknownActionError) throw invalidArgument(e.message);
      throw e;
    }
    this.ctl.appEvent(
      app,
      'Normal',
      'ResourceActionRan',
      `${this.svc.options.username} ran action ${action} on resource ${groupOf(
        obj.apiVersion,
      )}/${obj.kind}/${obj.metadata.name}`,
      'argocd-server',
    );
    return {};
  }

  events(
    name: string,
    q: {
      resourceNamespace?: string | null;
      resourceName?: string | null;
      resourceUID?: string | null;
    },
    project?: string | null,
  ): any {
    const app = this.svc.find(name, project);
    const events = this.ctl.sim.events;
    let items;
    if (!q.resourceName && !q.resourceUID && !q.resourceNamespace) {
      items = events.forObject(app.metadata.uid);
    } else {
      const node = this.ctl
        .tree(name)
        .nodes.find(
          (n: any) =>
            n.uid === q.resourceUID &&
            n.name === q.resourceName &&
            (n.namespace ?? '') === (q.resourceNamespace ?? ''),
        );
      if (!node)
        throw invalidArgument(
          `${q.resourceName} not found as part of application ${name}`,
        );
      items = events.forInvolved(node.namespace ?? '', node.name, node.uid);
    }
    return {
      metadata: { resourceVersion: String(Date.now() % 1_000_000) },
      items: clone(items),
    };
  }

  /** Pods selected by a logs query: by name, or every pod whose self or ancestor matches kind/group/name. */
  podsForLogs(
    name: string,
    q: {
      podName?: string | null;
      kind?: string | null;
      group?: string | null;
      resourceName?: string | null;
      namespace?: string | null;
    },
  ): K8sObject[] {
    const tree = this.ctl.tree(name);
    const byUid = new Map<string, any>(tree.nodes.map((n: any) => [n.uid, n]));
    const matches = (n: any): boolean => {
      if (q.podName)
        return (
          n.kind === 'Pod' &&
          n.name === q.podName &&
          (!q.namespace || n.namespace === q.namespace)
        );
      const self =
        (!q.kind || n.kind === q.kind) &&
        (!q.group || (n.group ?? '') === q.group) &&
        (!q.resourceName || n.name === q.resourceName) &&
        (!q.namespace || (n.namespace ?? '') === q.namespace);
      if (self) return true;
      return (n.parentRefs ?? []).some(
        (p: any) => byUid.has(p.uid) && matches(byUid.get(p.uid)),
      );
    };
    return tree.nodes
      .filter((n: any) => n.kind === 'Pod' && matches(n))
      .map((n: any) =>
        this.ctl.sim.store.get({
          group: '',
          kind: 'Pod',
          namespace: n.namespace,
          name: n.name,
        }),
      )
      .filter(Boolean) as K8sObject[];
  }

  async revisionMetadata(
    name: string,
    revision: string,
    project?: string | null,
  ): Promise<any> {
    const app = this.svc.find(name, project);
    const repo = app.spec?.source?.repoURL;
    // the repo server reads metadata of commits only: a branch or tag name is refused, with a 500
    if (!/^[0-9a-fA-F]{7,40}$/.test(revision))
      throw new Error(`revision ${revision} must be resolved`);
    try {
      const meta = await this.ctl.generator.git.commitMetadata(repo, revision);
      return {
        author: meta.author,
        date: meta.date,
        message: meta.message,
        ...(meta.tags.length ? { tags: meta.tags } : {}),
      };
    } catch (e) {
      throw new Error(
        `error getting revision metadata: ${(e as Error).message}`,
      );
    }
  }
}

/** Go's `omitempty` on ResourceDiff: empty strings and false leave the field out. */
function omitEmpty(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item))
    if (v !== '' && v !== false && v !== undefined) out[k] = v;
  return out;
}

/** Argo CD's resource delete: `orphan` leaves the dependents, `force` deletes in the background. */
function deletionPolicyOf(q: {
  force?: boolean;
  orphan?: boolean;
}): 'orphan' | 'background' | 'foreground' {
  if (q.orphan) return 'orphan';
  if (q.force) return 'background';
  return 'foreground';
}
