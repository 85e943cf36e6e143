import { ConflictError, InputError } from '@backstage/errors';
import type { AutoscalingInput } from '@internal/plugin-app-center-common';
import type { AppFile } from '../git';
import { parseManifests } from '../git/yaml/parseManifests';
import { apiGroup } from '../git/yaml/workloads';

/** A Kubernetes object found in an app's manifests. */
export interface ManifestObject {
  /** File relative to the app folder. */
  file: string;
  apiVersion: string;
  kind: string;
  name: string;
  spec: Record<string, any>;
}

/** Kinds App Center scales and autoscales (Argo Rollouts included). */
const SCALABLE = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'argoproj.io/Rollout',
]);
/** Which workload wins when an app has several and none was named. */
const PREFERENCE = ['Rollout', 'Deployment', 'StatefulSet'];

export const HPA_FILE = 'hpa.yaml';

/** Every object of the files (documents that do not parse are left out: writes validate them). */
export function manifestObjects(files: AppFile[]): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const f of files) {
    for (const d of parseManifests(f.content).documents) {
      const v = d.value as Record<string, any> | null;
      if (!v || typeof v !== 'object' || typeof v.kind !== 'string') continue;
      out.push({
        file: f.path,
        apiVersion: String(v.apiVersion ?? ''),
        kind: v.kind,
        name: String(v.metadata?.name ?? ''),
        spec: v.spec && typeof v.spec === 'object' ? v.spec : {},
      });
    }
  }
  return out;
}

const key = (o: { apiVersion?: string; kind?: string }) =>
  `${apiGroup(o.apiVersion)}/${o.kind}`;

/**
 * The workloads whose replicas App Center sets: Deployments, StatefulSets and Rollouts, except a Deployment a
 * Rollout takes over through `workloadRef` (it stays at 0 replicas; the Rollout runs the pods).
 */
export function scalableWorkloads(objects: ManifestObject[]): ManifestObject[] {
  const referenced = new Set(
    objects
      .filter(o => key(o) === 'argoproj.io/Rollout' && o.spec.workloadRef?.name)
      .map(
        o =>
          `${o.spec.workloadRef.kind ?? 'Deployment'}/${
            o.spec.workloadRef.name
          }`,
      ),
  );
  return objects.filter(
    o => SCALABLE.has(key(o)) && !referenced.has(`${o.kind}/${o.name}`),
  );
}

/** The one workload an operation is about: the named one, or the app's only (or preferred) workload. */
export function pickWorkload(
  objects: ManifestObject[],
  app: string,
  name?: string,
): ManifestObject {
  const candidates = scalableWorkloads(objects).filter(
    o => !name || o.name === name,
  );
  if (candidates.length === 0) {
    throw new InputError(
      `${app} has no Deployment, StatefulSet or Argo Rollout${
        name ? ` named ${name}` : ''
      } to scale${
        name
          ? ''
          : ' (a Deployment behind a Rollout workloadRef is scaled through the Rollout)'
      }`,
    );
  }
  for (const kind of PREFERENCE) {
    const ofKind = candidates.filter(o => o.kind === kind);
    if (ofKind.length === 1) return ofKind[0];
    if (ofKind.length > 1) {
      throw new InputError(
        `${app} has several ${kind}s (${ofKind
          .map(o => o.name)
          .join(', ')}); name the workload to change`,
      );
    }
  }
  return candidates[0];
}

/** HorizontalPodAutoscalers of the app that target the workload. */
export function autoscalersOf(
  objects: ManifestObject[],
  workload: ManifestObject,
): ManifestObject[] {
  return objects.filter(
    o =>
      o.kind === 'HorizontalPodAutoscaler' &&
      o.spec.scaleTargetRef?.kind === workload.kind &&
      o.spec.scaleTargetRef?.name === workload.name,
  );
}

/** Refuses to scale a workload an autoscaler manages (its replicas would be overwritten at once). */
export function assertNotAutoscaled(
  objects: ManifestObject[],
  workload: ManifestObject,
  app: string,
): void {
  const hpas = autoscalersOf(objects, workload);
  if (hpas.length) {
    throw new ConflictError(
      `${workload.kind} ${workload.name} of ${app} is managed by the HorizontalPodAutoscaler ${hpas[0].name} (${hpas[0].file}); change its minReplicas/maxReplicas under autoscaling, or remove the autoscaler before scaling by hand`,
    );
  }
}

/**
 * Checks what the OpenAPI document cannot say (it bounds each number already): min not above max, and at
 * least one metric. 400 naming the field, before anything is queued.
 */
export function validateAutoscaling(input: AutoscalingInput): void {
  if (input.minReplicas > input.maxReplicas) {
    throw new InputError(
      `minReplicas (${input.minReplicas}) must not be above maxReplicas (${input.maxReplicas})`,
    );
  }
  if (
    input.cpuUtilization === undefined &&
    input.memoryUtilization === undefined
  ) {
    throw new InputError(
      'give cpuUtilization, memoryUtilization or both: an autoscaler needs a metric',
    );
  }
}

/** An `autoscaling/v2` HorizontalPodAutoscaler for the workload. */
export function renderHpa(
  workload: ManifestObject,
  input: AutoscalingInput,
): string {
  const metric = (name: string, value: number) => `    - type: Resource
      resource:
        name: ${name}
        target:
          type: Utilization
          averageUtilization: ${value}
`;
  return `# Written by App Center (autoscaling): scales ${workload.kind} ${
    workload.name
  }.
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${workload.name}
spec:
  scaleTargetRef:
    apiVersion: ${workload.apiVersion}
    kind: ${workload.kind}
    name: ${workload.name}
  minReplicas: ${input.minReplicas}
  maxReplicas: ${input.maxReplicas}
  metrics:
${
  input.cpuUtilization !== undefined ? metric('cpu', input.cpuUtilization) : ''
}${
    input.memoryUtilization !== undefined
      ? metric('memory', input.memoryUtilization)
      : ''
  }`;
}

/** `hpa.yaml` next to the workload's file (in its sub-folder, if any). */
export function hpaPathFor(workload: ManifestObject): string {
  const slash = workload.file.lastIndexOf('/');
  return slash < 0 ? HPA_FILE : `${workload.file.slice(0, slash)}/${HPA_FILE}`;
}
