/*
 * Apps for the resource benchmarks, made the way a user makes them: a template (POST .../templates), its
 * association to an environment (POST .../environments/:env/apps: the folder in git and the Argo CD
 * Application named by App Center) and a sync task (POST .../apps/:app/sync). The large tree and the loud
 * pod are nothing but their manifests, so the plugins see an ordinary app and need no special case.
 */

/** A JSON client of the App Center API (`/api/app-center` + path); a status other than 2xx throws. */
export type Api = <T = any>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<T>;

/** The sandbox's pod annotation for a container that has already written N log lines (bulkLog.ts). */
export const LOG_LINES_ANNOTATION = 'sandbox.argocd/log-lines';

function deployment(
  name: string,
  replicas: number,
  annotations: Record<string, string> = {},
) {
  const notes = Object.entries(annotations)
    .map(([k, v]) => `\n        ${k}: ${JSON.stringify(v)}`)
    .join('');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}${notes ? `\n      annotations:${notes}` : ''}
    spec:
      containers:
        - name: app
          image: registry.example.com/bench/${name}:1.0.0
`;
}

/**
 * Manifests whose live tree has at least `nodes` nodes under the Application: Deployments of 3 pods (a
 * Deployment, its ReplicaSet and 3 Pods = 5 nodes each), in one file.
 */
export function largeTreeFiles(app: string, nodes: number) {
  const deployments = Math.max(1, Math.ceil(nodes / 5));
  const width = String(deployments).length;
  const docs = Array.from({ length: deployments }, (_, i) =>
    deployment(`${app}-${String(i).padStart(width, '0')}`, 3),
  );
  return {
    files: [{ path: 'deployments.yaml', content: docs.join('---\n') }],
    nodes: deployments * 5,
  };
}

/** One Deployment of one pod whose container has already logged `lines` lines (in the sandbox). */
export function loudPodFiles(app: string, lines: number) {
  return [
    {
      path: 'deployment.yaml',
      content: deployment(app, 1, { [LOG_LINES_ANNOTATION]: String(lines) }),
    },
  ];
}

const DONE = ['succeeded', 'failed', 'cancelled'];

/** Waits for a task to end; throws unless it succeeded. */
export async function taskSucceeded(api: Api, id: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await api<{ status: string; error?: unknown }>(
      'GET',
      `/tasks/${id}`,
    );
    if (DONE.includes(task.status)) {
      if (task.status !== 'succeeded')
        throw new Error(`task ${id} ${task.status}: ${JSON.stringify(task)}`);
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`task ${id} still ${task.status}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

/**
 * Creates template `app` from `files` in `project`, associates it to `env` and syncs it; resolves when the
 * sync task succeeded and the tree has `nodes` nodes, all Healthy (or `timeoutMs` passed: then it throws).
 */
export async function createSyncedApp(
  api: Api,
  where: { project: string; env: string; app: string },
  files: Array<{ path: string; content: string }>,
  expect: { nodes?: number; timeoutMs: number },
) {
  const { project, env, app } = where;
  await api('POST', `/projects/${project}/templates`, {
    name: app,
    files,
    message: `benchmark app ${app}`,
  });
  await api('POST', `/projects/${project}/environments/${env}/apps`, { app });
  const task = await api<{ id: string }>(
    'POST',
    `/projects/${project}/environments/${env}/apps/${app}/sync`,
    {},
  );
  await taskSucceeded(api, task.id, expect.timeoutMs);
  const deadline = Date.now() + expect.timeoutMs;
  for (;;) {
    const tree = await api<{ nodeCount: number; root: TreeNode }>(
      'GET',
      `/projects/${project}/environments/${env}/apps/${app}/resource-tree`,
    );
    const healthy = everyHealthy(tree.root);
    if (
      healthy &&
      (expect.nodes === undefined || tree.nodeCount >= expect.nodes)
    )
      return tree;
    if (Date.now() > deadline)
      throw new Error(
        `${app}: ${tree.nodeCount} nodes, healthy ${healthy}, after ${expect.timeoutMs} ms`,
      );
    await new Promise(r => setTimeout(r, 500));
  }
}

export type TreeNode = {
  kind: string;
  name: string;
  health?: string;
  children: TreeNode[];
};

function everyHealthy(root: TreeNode) {
  const stack = [...root.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.health && n.health !== 'Healthy') return false;
    stack.push(...n.children);
  }
  return true;
}

/** Nodes of a tree, depth first. */
export function* treeNodes(root: TreeNode): Generator<TreeNode> {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    stack.push(...n.children);
  }
}
