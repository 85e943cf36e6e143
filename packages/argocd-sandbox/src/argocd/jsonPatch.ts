/* eslint-disable @typescript-eslint/no-explicit-any */
import { clone, deepEqual } from '../util/json.ts';

/** Applies an RFC 6902 JSON patch (add, replace, remove, test) to a copy of `doc`; throws on a bad operation. */
export function applyJsonPatch(doc: any, ops: any[]): any {
  if (!Array.isArray(ops)) throw new Error('a JSON patch must be an array');
  let out = clone(doc);
  for (const op of ops) {
    const parts = String(op.path)
      .split('/')
      .slice(1)
      .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    const parent = parts.reduce(
      (o: any, k: string) => (o === undefined ? undefined : o[k]),
      out,
    );
    if (op.op === 'test') {
      if (!deepEqual(parent?.[last], op.value))
        throw new Error(`test operation failed at ${op.path}`);
      continue;
    }
    if (parent === undefined || parent === null)
      throw new Error(`path ${op.path} does not exist`);
    if (op.op === 'add' || op.op === 'replace') {
      if (Array.isArray(parent)) {
        if (last === '-') parent.push(op.value);
        else if (op.op === 'add') parent.splice(Number(last), 0, op.value);
        else parent[Number(last)] = op.value;
      } else parent[last] = op.value;
    } else if (op.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else throw new Error(`unsupported patch operation ${op.op}`);
    out = clone(out);
  }
  return out;
}
