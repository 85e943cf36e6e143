import type { ResourceStateDiff } from '@internal/plugin-app-center-common';
import { createTwoFilesPatch } from 'diff';
import YAML from 'yaml';
import type { ResourceDiff } from '../argocd';

/** A JSON-encoded state of managed-resources; "null", "" or absent when there is none. */
function parseState(state: string | undefined): unknown {
  if (!state) return null;
  try {
    return JSON.parse(state);
  } catch {
    return null;
  }
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Live objects carry bookkeeping that is never in git and only hides the real differences: managed fields,
 * and the last applied configuration (a copy of the whole manifest on one line, which differs whenever
 * anything does).
 */
function withoutBookkeeping(object: unknown): unknown {
  if (!object || typeof object !== 'object') return object;
  const { metadata, ...rest } = object as { metadata?: Record<string, any> };
  if (!metadata) return object;
  const { managedFields: _managed, annotations, ...meta } = metadata;
  const { [LAST_APPLIED]: _lastApplied, ...kept } = annotations ?? {};
  return {
    ...rest,
    metadata: {
      ...meta,
      ...(Object.keys(kept).length ? { annotations: kept } : {}),
    },
  };
}

export function toYaml(object: unknown): string {
  return object === null || object === undefined
    ? ''
    : YAML.stringify(object, { sortMapEntries: true });
}

/**
 * The diff of one managed resource as Argo CD's UI draws it: the normalised live state against the predicted
 * live state (what a sync would leave), falling back to the live and target states when those are missing.
 * Keys are sorted on both sides, so only real differences show; the diff is empty when Argo CD says in sync.
 */
export function resourceStateDiff(item: ResourceDiff): ResourceStateDiff {
  const live = withoutBookkeeping(
    parseState(item.normalizedLiveState) ?? parseState(item.liveState),
  );
  const desired = withoutBookkeeping(
    parseState(item.predictedLiveState) ?? parseState(item.targetState),
  );
  const liveYaml = toYaml(live);
  const desiredYaml = toYaml(desired);
  const name = `${item.kind}/${item.name}`;
  // Argo CD omits `modified` when false (omitempty); it decides, with its ignore rules, what differs.
  const modified = item.modified === true;
  return {
    modified,
    live: liveYaml,
    desired: desiredYaml,
    diff:
      !modified || liveYaml === desiredYaml
        ? ''
        : createTwoFilesPatch(
            `live/${name}`,
            `desired/${name}`,
            liveYaml,
            desiredYaml,
          ),
  };
}
