import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, parseAllDocuments, stringify } from 'yaml';
import type { DriftConflict } from '../git/conflicts';

export type { DriftConflict };

/** Which side wins one conflict. */
export type DriftChoice = 'template' | 'environment';

export interface DriftResolution {
  file: string;
  document: string;
  path: string;
  take: DriftChoice;
}

/** Looks up the caller's choice for a conflict, if any. */
export type ConflictResolver = (
  conflict: DriftConflict,
) => DriftChoice | undefined;

export function resolverOf(resolutions: DriftResolution[] = []) {
  const key = (c: { file: string; document: string; path: string }) =>
    JSON.stringify([c.file, c.document, c.path]);
  const byKey = new Map(resolutions.map(r => [key(r), r.take]));
  return (c: DriftConflict) => byKey.get(key(c));
}

/** The YAML text of a value for showing it, absent when the value is. */
export function yamlText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' && value.includes('\n')
    ? value
    : stringify(value).trimEnd();
}

type Key = string | number;
type Op =
  | { kind: 'set'; path: Key[]; value: unknown; after?: string }
  | { kind: 'add'; path: Key[]; value: unknown }
  | { kind: 'delete'; path: Key[] };

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/** A list whose items are all maps with distinct `name`s (containers, env, ports, volumes…). */
function namedItems(v: unknown): Map<string, Plain> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Map<string, Plain>();
  for (const item of v) {
    if (!isPlain(item) || typeof item.name !== 'string' || out.has(item.name))
      return undefined;
    out.set(item.name, item);
  }
  return out;
}

/** The three-way merge of one document's values into edits of the environment's document. */
class DocumentMerge {
  readonly ops: Op[] = [];
  readonly unresolved: DriftConflict[] = [];

  constructor(
    private readonly file: string,
    private readonly document: string,
    private readonly resolve: ConflictResolver,
  ) {}

  merge(path: Key[], label: string, b: unknown, o: unknown, t: unknown) {
    if (same(b, t) || same(o, t)) return;
    if (same(b, o)) {
      this.take(path, t);
      return;
    }
    if (isPlain(o) && isPlain(t) && (b === undefined || isPlain(b))) {
      const base = (b ?? {}) as Plain;
      const keys = new Set([
        ...Object.keys(o),
        ...Object.keys(t),
        ...Object.keys(base),
      ]);
      const order = Object.keys(t);
      for (const k of keys) {
        const count = this.ops.length;
        this.merge(
          [...path, k],
          label ? `${label}.${k}` : k,
          base[k],
          o[k],
          t[k],
        );
        const added = this.ops[count];
        if (
          !(k in o) &&
          added?.kind === 'set' &&
          added.path.length === path.length + 1
        )
          added.after =
            order
              .slice(0, order.indexOf(k))
              .reverse()
              .find(p => p in o) ?? '';
      }
      return;
    }
    const [bn, on, tn] = [namedItems(b ?? []), namedItems(o), namedItems(t)];
    if (bn && on && tn) {
      this.mergeNamed(path, label, bn, on, tn, o as unknown[]);
      return;
    }
    this.conflict(label, b, o, t, () => this.take(path, t));
  }

  private mergeNamed(
    path: Key[],
    label: string,
    b: Map<string, Plain>,
    o: Map<string, Plain>,
    t: Map<string, Plain>,
    ours: unknown[],
  ) {
    for (const name of new Set([...o.keys(), ...t.keys(), ...b.keys()])) {
      const [bi, oi, ti] = [b.get(name), o.get(name), t.get(name)];
      const at = `${label}[${name}]`;
      if (oi === undefined) {
        if (ti === undefined || (bi !== undefined && same(bi, ti))) continue;
        const add = () => this.ops.push({ kind: 'add', path, value: ti });
        if (bi === undefined) add();
        else this.conflict(at, bi, undefined, ti, add);
        continue;
      }
      const index = ours.indexOf(oi);
      this.merge([...path, index], at, bi, oi, ti);
    }
  }

  private take(path: Key[], value: unknown) {
    this.ops.push(
      value === undefined
        ? { kind: 'delete', path }
        : { kind: 'set', path, value },
    );
  }

  conflict(
    path: string,
    b: unknown,
    o: unknown,
    t: unknown,
    takeTemplate: () => void,
  ) {
    const c: DriftConflict = {
      file: this.file,
      document: this.document,
      path,
      base: yamlText(b),
      template: yamlText(t),
      environment: yamlText(o),
    };
    const choice = this.resolve(c);
    if (choice === 'template') takeTemplate();
    else if (choice !== 'environment') this.unresolved.push(c);
  }
}

/** A new key goes where the template has it: after the key it follows there (first if none). */
function insertAfter(
  doc: Document,
  path: Key[],
  after: string,
  value: unknown,
) {
  const parent =
    path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) {
    doc.setIn(path, doc.createNode(value));
    return;
  }
  const at = parent.items.findIndex(
    p => isScalar(p.key) && p.key.value === after,
  );
  parent.items.splice(at + 1, 0, doc.createPair(path[path.length - 1], value));
}

/** Deletes go last, deepest list index first, so earlier indexes stay valid. */
function applyOps(doc: Document, ops: Op[]) {
  const later = (a: Op, b: Op) =>
    a.path.length === b.path.length
      ? String(b.path.join('\0')).localeCompare(a.path.join('\0'), undefined, {
          numeric: true,
        })
      : b.path.length - a.path.length;
  const deletes = ops.filter(o => o.kind === 'delete').sort(later);
  for (const op of ops) {
    if (op.kind === 'set') {
      if (op.after !== undefined) insertAfter(doc, op.path, op.after, op.value);
      else if (op.path.length === 0) doc.contents = doc.createNode(op.value);
      else doc.setIn(op.path, doc.createNode(op.value));
    } else if (op.kind === 'add') {
      doc.addIn(op.path, doc.createNode(op.value));
    }
  }
  for (const op of deletes) doc.deleteIn(op.path);
}

type Parsed = { docs: Document[]; ids: string[] };

function parseYaml(text: string | undefined): Parsed | undefined {
  if (text === undefined) return { docs: [], ids: [] };
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some(d => d.errors.length)) return undefined;
  const kept = docs.filter(d => d.contents !== null);
  return {
    docs: kept,
    ids: kept.map((d, i) => {
      const v = d.toJS() as { kind?: unknown; metadata?: { name?: unknown } };
      return isPlain(v) &&
        typeof v.kind === 'string' &&
        typeof v.metadata?.name === 'string'
        ? `${v.kind}/${v.metadata.name}`
        : `document ${i + 1}`;
    }),
  };
}

/**
 * Three-way merge of one YAML file by document (matched by kind and name)
 * and key path; lists of named items (containers, env…) merge by name. Only
 * the values the merge changes are rewritten in the environment's documents,
 * so their comments stay. Undefined when a side is not valid YAML (the
 * caller falls back to a merge by lines).
 */
export function mergeYamlFile(
  file: string,
  baseText: string | undefined,
  oursText: string,
  theirsText: string,
  resolve: ConflictResolver,
): { content: string; conflicts: DriftConflict[] } | undefined {
  const [base, ours, theirs] = [
    parseYaml(baseText),
    parseYaml(oursText),
    parseYaml(theirsText),
  ];
  if (!base || !ours || !theirs) return undefined;
  const js = (p: Parsed, id: string) => {
    const i = p.ids.indexOf(id);
    return i < 0 ? undefined : p.docs[i].toJS();
  };
  const out: Array<Document | undefined> = [...ours.docs];
  const appended: Document[] = [];
  const conflicts: DriftConflict[] = [];
  let changed = false;
  for (const id of new Set([...ours.ids, ...theirs.ids, ...base.ids])) {
    const [b, o, t] = [js(base, id), js(ours, id), js(theirs, id)];
    const m = new DocumentMerge(file, id, resolve);
    const at = ours.ids.indexOf(id);
    if (o === undefined || t === undefined) {
      if (same(b, t) || same(o, t)) continue;
      const take = () => {
        if (t === undefined) out[at] = undefined;
        else appended.push(new Document(t));
      };
      if (same(b, o)) take();
      else m.conflict('', b, o, t, take);
      conflicts.push(...m.unresolved);
      continue;
    }
    m.merge([], '', b, o, t);
    conflicts.push(...m.unresolved);
    if (m.ops.length) {
      applyOps(ours.docs[at], m.ops);
      changed = true;
    }
  }
  changed ||= appended.length > 0 || out.some(d => !d);
  if (!changed) return { content: oursText, conflicts };
  const parts = [...out.filter((d): d is Document => !!d), ...appended].map(
    (d, i) => {
      const text = d.toString();
      return i > 0 && !text.startsWith('---') ? `---\n${text}` : text;
    },
  );
  return { content: parts.join(''), conflicts };
}
