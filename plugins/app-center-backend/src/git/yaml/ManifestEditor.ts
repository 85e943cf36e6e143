import { InputError } from '@backstage/errors';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Node,
  parse,
  Scalar,
  YAMLMap,
} from 'yaml';
import { ImageReference } from './ImageReference';
import { ManifestValidationError } from './ManifestValidationError';
import { ManifestLimits, parseManifests } from './parseManifests';
import { CONTAINER_FIELDS, isScalable, podSpecPath } from './workloads';

/** An image to set: every container whose image is this repository gets the tag (and digest). */
export interface ImageUpdate {
  /** Repository in any spelling (`nginx`, `docker.io/library/nginx`, `reg:5000/team/web`); a tag in it is ignored. */
  image: string;
  tag?: string;
  digest?: string;
}

/** One container image found or changed. */
export interface ContainerImage {
  kind: string;
  name: string;
  container: string;
  init: boolean;
  image: string;
  /** 1-based line of the image value. */
  line: number;
}

export interface ImageChange extends ContainerImage {
  from: string;
  to: string;
}

type Edit = { start: number; end: number; text: string };

function get(node: unknown, key: string | number): Node | undefined {
  if (typeof key === 'number')
    return isSeq(node) ? (node.items[key] as Node | undefined) : undefined;
  if (!isMap(node)) return undefined;
  const pair = (node as YAMLMap).items.find(
    p => isScalar(p.key) && p.key.value === key,
  );
  return (pair?.value as Node | undefined) ?? undefined;
}

function getIn(node: unknown, path: Array<string | number>): Node | undefined {
  let current = node as Node | undefined;
  for (const key of path) {
    current = get(current, key);
    if (!current) return undefined;
  }
  return current;
}

/** Renders a scalar the way the original was written, when that round-trips; otherwise double-quoted. */
function renderScalar(original: Scalar, value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (original.type === Scalar.QUOTE_SINGLE)
    return `'${value.replace(/'/g, "''")}'`;
  if (original.type === Scalar.PLAIN) {
    try {
      if (!/[#\n]/.test(value) && parse(value) === value) return value;
    } catch {
      // fall through to a quoted form
    }
  }
  return JSON.stringify(value);
}

/**
 * Edits one manifest file without reformatting it: values are found with the
 * yaml Document API and replaced in the original text by their source range,
 * so comments, key order, quoting and indentation stay as written and a tag
 * change is a one-line diff. Labels are never added.
 */
export class ManifestEditor {
  private source: string;
  private readonly limits: ManifestLimits;
  readonly path: string;

  constructor(
    path: string,
    text: string,
    options: { limits?: ManifestLimits } = {},
  ) {
    this.path = path;
    this.source = text;
    this.limits = options.limits ?? {};
  }

  get text(): string {
    return this.source;
  }

  private documents(): {
    docs: Document.Parsed[];
    lineOf: (offset: number) => number;
  } {
    const parsed = parseManifests(this.source, this.limits);
    if (parsed.errors.length) {
      throw new ManifestValidationError(
        parsed.errors.map(e => ({ path: this.path, ...e })),
      );
    }
    return {
      docs: parsed.documents.map(d => d.document),
      lineOf: offset => parsed.lineCounter.linePos(offset).line,
    };
  }

  private apply(edits: Edit[]): void {
    const sorted = [...edits].sort((a, b) => b.start - a.start);
    let out = this.source;
    for (const e of sorted)
      out = out.slice(0, e.start) + e.text + out.slice(e.end);
    this.source = out;
  }

  /** Objects of the file with kind and name, and whether App Center can scale them. */
  objects(): Array<{ kind: string; name: string; scalable: boolean }> {
    const { docs } = this.documents();
    return docs.map(doc => {
      const root = doc.contents;
      const apiVersion = (get(root, 'apiVersion') as Scalar | undefined)?.value;
      const kind = (get(root, 'kind') as Scalar | undefined)?.value;
      const name = (getIn(root, ['metadata', 'name']) as Scalar | undefined)
        ?.value;
      return {
        kind: String(kind ?? ''),
        name: String(name ?? ''),
        scalable: isScalable(apiVersion, kind),
      };
    });
  }

  /**
   * Every container (and init container) of every workload in the file whose `image` is a string: where it
   * is (workload kind and name, container name) and the image's scalar node, to read or to edit in place.
   */
  private *containerImages(docs: Document.Parsed[]): Generator<{
    at: Omit<ContainerImage, 'image' | 'line'>;
    image: Scalar<string>;
  }> {
    for (const doc of docs) {
      const root = doc.contents;
      const apiVersion = (get(root, 'apiVersion') as Scalar | undefined)?.value;
      const kind = (get(root, 'kind') as Scalar | undefined)?.value;
      const specPath = podSpecPath(apiVersion, kind);
      if (!specPath) continue;
      const name = String(
        (getIn(root, ['metadata', 'name']) as Scalar | undefined)?.value ?? '',
      );
      const podSpec = getIn(root, specPath);
      for (const field of CONTAINER_FIELDS) {
        const list = get(podSpec, field);
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          const image = get(item, 'image');
          if (!isScalar(image) || typeof image.value !== 'string') continue;
          yield {
            at: {
              kind: String(kind),
              name,
              container: String(
                (get(item, 'name') as Scalar | undefined)?.value ?? '',
              ),
              init: field === 'initContainers',
            },
            image: image as Scalar<string>,
          };
        }
      }
    }
  }

  /** Every container image of every workload in the file (init containers included). */
  listImages(): ContainerImage[] {
    const { docs, lineOf } = this.documents();
    return [...this.containerImages(docs)].map(({ at, image }) => ({
      ...at,
      image: image.value,
      line: lineOf(image.range?.[0] ?? 0),
    }));
  }

  /**
   * Sets tag/digest on every container (and init container) whose image is
   * exactly one of the updates' repositories. Returns what changed.
   */
  updateImages(updates: ImageUpdate[]): ImageChange[] {
    const targets = updates.map(u => ({
      ref: ImageReference.parse(u.image),
      update: u,
    }));
    for (const t of targets) t.ref.withTag(t.update.tag, t.update.digest); // validates early
    const { docs, lineOf } = this.documents();
    const edits: Edit[] = [];
    const changes: ImageChange[] = [];
    for (const { at, image } of this.containerImages(docs)) {
      if (!image.range) continue;
      const current = ImageReference.tryParse(image.value);
      if (!current.ok) continue;
      const target = targets.find(t => t.ref.sameRepository(current.value));
      if (!target) continue;
      const next = current.value.withTag(
        target.update.tag,
        target.update.digest,
      );
      if (next === image.value) continue;
      edits.push({
        start: image.range[0],
        end: image.range[1],
        text: renderScalar(image, next),
      });
      changes.push({
        ...at,
        image: next,
        from: image.value,
        to: next,
        line: lineOf(image.range[0]),
      });
    }
    this.apply(edits);
    return changes;
  }

  /**
   * Sets `spec.replicas` of the scalable workloads (Deployment, StatefulSet,
   * ReplicaSet, Rollout), optionally only the one named `name`. Inserts the
   * key at the top of `spec` when missing. Returns how many objects changed.
   */
  setReplicas(replicas: number, options: { name?: string } = {}): number {
    if (!Number.isInteger(replicas) || replicas < 0 || replicas > 10000) {
      throw new InputError(
        `replicas must be a whole number from 0 to 10000, got ${replicas}`,
      );
    }
    const { docs } = this.documents();
    const edits: Edit[] = [];
    let changed = 0;
    for (const doc of docs) {
      const root = doc.contents;
      const apiVersion = (get(root, 'apiVersion') as Scalar | undefined)?.value;
      const kind = (get(root, 'kind') as Scalar | undefined)?.value;
      if (!isScalable(apiVersion, kind)) continue;
      const name = (getIn(root, ['metadata', 'name']) as Scalar | undefined)
        ?.value;
      if (options.name !== undefined && name !== options.name) continue;
      const spec = get(root, 'spec');
      const edit = this.scalarEdit(spec, 'replicas', replicas);
      if (edit === null) continue;
      edits.push(edit);
      changed += 1;
    }
    this.apply(edits);
    return changed;
  }

  /**
   * Sets a scalar at `path` in the documents selected by `match` (kind and,
   * optionally, name). The parent mapping must exist; a missing last key is
   * inserted as the mapping's first key, at its indentation.
   */
  setScalar(
    match: { kind: string; name?: string },
    path: string[],
    value: string | number | boolean,
  ): number {
    if (path.length === 0) throw new InputError('setScalar needs a path');
    const { docs } = this.documents();
    const edits: Edit[] = [];
    let changed = 0;
    for (const doc of docs) {
      const root = doc.contents;
      if ((get(root, 'kind') as Scalar | undefined)?.value !== match.kind)
        continue;
      if (
        match.name !== undefined &&
        (getIn(root, ['metadata', 'name']) as Scalar | undefined)?.value !==
          match.name
      )
        continue;
      const parent = getIn(root, path.slice(0, -1));
      if (!isMap(parent)) {
        throw new InputError(
          `${this.path}: ${match.kind} has no mapping at ${
            path.slice(0, -1).join('.') || '(root)'
          }`,
        );
      }
      const edit = this.scalarEdit(
        parent,
        path[path.length - 1],
        typeof value === 'boolean' ? String(value) : value,
      );
      if (edit) {
        edits.push(edit);
        changed += 1;
      }
    }
    this.apply(edits);
    return changed;
  }

  /** The edit that sets `key` of a block mapping to a scalar, null when already equal. */
  private scalarEdit(
    map: unknown,
    key: string,
    value: string | number,
  ): Edit | null {
    if (!isMap(map))
      throw new InputError(
        `${this.path}: expected a mapping to set "${key}" in`,
      );
    const existing = get(map, key);
    if (existing) {
      if (!isScalar(existing) || !existing.range) {
        throw new InputError(
          `${this.path}: "${key}" is not a plain value and cannot be set`,
        );
      }
      if (
        String(existing.value) === String(value) &&
        typeof existing.value === typeof value
      )
        return null;
      return {
        start: existing.range[0],
        end: existing.range[1],
        text: renderScalar(existing, value),
      };
    }
    const text = `${key}: ${
      typeof value === 'number' ? value : renderScalar(new Scalar(value), value)
    }`;
    const first = (map as YAMLMap).items[0];
    const firstKey = first?.key as Node | undefined;
    if ((map as YAMLMap).flow || !firstKey?.range) {
      throw new InputError(
        `${this.path}: cannot add "${key}" to a flow-style or empty mapping; write it in the file first`,
      );
    }
    const start = firstKey.range[0];
    const lineStart = this.source.lastIndexOf('\n', start - 1) + 1;
    const indent = this.source.slice(lineStart, start);
    if (!/^[ ]*$/.test(indent)) {
      // The key shares its line with something else (e.g. `- name:` in a list); put ours on its own line after it.
      throw new InputError(
        `${this.path}: cannot add "${key}" here without reformatting; write it in the file first`,
      );
    }
    return { start, end: start, text: `${text}\n${indent}` };
  }
}
