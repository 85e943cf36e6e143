/* eslint-disable @typescript-eslint/no-explicit-any */
import { createBareRepoIn } from '../git/bareRepo.ts';
import { invalidArgument } from '../http/errors.ts';
import type { ApplicationService } from './service.ts';

export interface LargeAppRequest {
  /** Name of the Application (and of its generated repository). */
  name: string;
  /** How many nodes the resource tree should have once every pod exists (rounded up to whole Deployments). */
  nodes: number;
  /** Pods per Deployment (default 3): each Deployment adds itself, one ReplicaSet and this many Pods. */
  replicas?: number;
  /** Destination namespace (default `bench`; created by the sync). */
  namespace?: string;
}

export interface LargeAppResult {
  name: string;
  repoURL: string;
  deployments: number;
  /** Nodes the tree will have when all pods exist. */
  nodes: number;
}

/** Upper bound of a generated app, so that a typo cannot take the sandbox's memory. */
export const MAX_GENERATED_NODES = 50_000;

function deploymentDoc(name: string, namespace: string, replicas: number) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example.com/bench/${name}:1.0.0
`;
}

/**
 * Generates a large application for benchmarks: a git repository holding enough Deployments for the asked
 * number of tree nodes, an Application over it (CreateNamespace=true) and a sync; the pods come up as usual.
 */
export async function generateLargeApp(
  svc: ApplicationService,
  git: { root: string; baseUrl: string },
  req: LargeAppRequest,
): Promise<LargeAppResult> {
  const replicas = req.replicas ?? 3;
  if (
    typeof req.name !== 'string' ||
    !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(req.name) ||
    req.name.length > 50
  )
    throw invalidArgument('name must be a DNS label of at most 50 characters');
  if (!Number.isInteger(req.nodes) || req.nodes < 1)
    throw invalidArgument('nodes must be a positive integer');
  if (req.nodes > MAX_GENERATED_NODES)
    throw invalidArgument(`nodes must be at most ${MAX_GENERATED_NODES}`);
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > 100)
    throw invalidArgument('replicas must be an integer from 0 to 100');
  const namespace = req.namespace ?? 'bench';
  const perDeployment = 2 + replicas;
  const deployments = Math.ceil(req.nodes / perDeployment);
  const width = String(deployments).length;
  const docs = Array.from({ length: deployments }, (_, i) =>
    deploymentDoc(
      `${req.name}-${String(i).padStart(width, '0')}`,
      namespace,
      replicas,
    ),
  );
  const repoURL = await createBareRepoIn(
    'git',
    git.root,
    git.baseUrl,
    `generated/${req.name}`,
    { initialFiles: { 'app/deployments.yaml': docs.join('---\n') } },
  );
  await svc.create(
    {
      metadata: { name: req.name, labels: { 'sandbox.generated': 'true' } },
      spec: {
        project: 'default',
        source: { repoURL, path: 'app', targetRevision: 'main' },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace,
        },
        syncPolicy: { syncOptions: ['CreateNamespace=true'] },
      },
    },
    false,
    true,
  );
  await svc.sync(req.name, {});
  return {
    name: req.name,
    repoURL,
    deployments,
    nodes: deployments * perDeployment,
  };
}
