/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The `fields` projection of List: comma-separated `items.<path>` entries from a fixed allow-list; a leading
 * `-` means "everything except". Paths not on the allow-list are ignored, as the real server does.
 */
const ALLOWED = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.creationTimestamp',
  'metadata.deletionTimestamp',
  'spec',
  'spec.destination',
  'spec.project',
  'spec.source',
  'spec.sources',
  'spec.sourceHydrator',
  'spec.syncPolicy',
  'status.summary',
  'status.sync.status',
  'status.sync.revision',
  'status.health',
  'status.resources',
  'status.sourceHydrator',
  'status.operationState.phase',
  'status.operationState.startedAt',
  'status.operationState.finishedAt',
  'status.operationState.operation.sync',
  'operation.sync',
];

export function parseFields(
  fields: string | null,
): { exclude: boolean; paths: string[] } | undefined {
  if (!fields || !fields.trim()) return undefined;
  let list = fields
    .split(',')
    .map(f => f.trim())
    .filter(Boolean);
  let exclude = false;
  if (list[0]?.startsWith('-')) {
    exclude = true;
    list = [list[0].slice(1), ...list.slice(1)];
  }
  const paths = list
    .map(f => f.replace(/^items\./, ''))
    .filter(p => ALLOWED.includes(p));
  return { exclude, paths };
}

function getPath(obj: any, path: string[]): any {
  return path.reduce(
    (o, k) => (o === undefined || o === null ? undefined : o[k]),
    obj,
  );
}

function setPath(obj: any, path: string[], value: any) {
  let cur = obj;
  for (let i = 0; i < path.length - 1; i++)
    cur = cur[path[i]] = cur[path[i]] ?? {};
  cur[path[path.length - 1]] = value;
}

function deletePath(obj: any, path: string[]) {
  const parent = getPath(obj, path.slice(0, -1));
  if (parent && typeof parent === 'object')
    delete parent[path[path.length - 1]];
}

export function projectApp(
  app: any,
  spec: { exclude: boolean; paths: string[] },
): any {
  if (spec.exclude) {
    const copy = JSON.parse(JSON.stringify(app));
    for (const p of spec.paths) deletePath(copy, p.split('.'));
    return copy;
  }
  const out: any = {};
  for (const p of spec.paths) {
    const v = getPath(app, p.split('.'));
    if (v !== undefined)
      setPath(out, p.split('.'), JSON.parse(JSON.stringify(v)));
  }
  return out;
}
