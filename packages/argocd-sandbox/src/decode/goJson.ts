import { invalidArgument } from '../http/errors.ts';

/**
 * Strict request decoding as the real server does it: Argo CD decodes bodies with Go's `encoding/json`
 * into typed structs, so a value of the wrong JSON type (an array where a struct is expected, a string
 * where a number is) is a 400, while unknown fields are dropped and `null` leaves a field at its zero value.
 * A body shape is described with the small type language below, naming the Go type as the error does.
 */
export type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int'; go: string }
  | { kind: 'any' }
  | { kind: 'slice'; of: GoType }
  | { kind: 'map'; of: GoType }
  | { kind: 'struct'; go: string; fields: Record<string, GoType> };

export const str: GoType = { kind: 'string' };
export const bool: GoType = { kind: 'bool' };
export const int64: GoType = { kind: 'int', go: 'int64' };
/** A field the sandbox does not look into (raw JSON, int-or-string, and the like). */
export const anyJson: GoType = { kind: 'any' };
export const slice = (of: GoType): GoType => ({ kind: 'slice', of });
export const map = (of: GoType): GoType => ({ kind: 'map', of });
export const struct = (go: string, fields: Record<string, GoType>): GoType => ({
  kind: 'struct',
  go,
  fields,
});
export const stringMap = map(str);

/** The Go spelling of a type, as `encoding/json` names it in its errors. */
function goName(t: GoType): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return t.go;
    case 'any':
      return 'interface {}';
    case 'slice':
      return `[]${goName(t.of)}`;
    case 'map':
      return `map[string]${goName(t.of)}`;
    default:
      return t.go;
  }
}

/** The JSON kind of a value as `encoding/json` words it ("number 1.5" for a non-integer into an int). */
function jsonKind(v: unknown, intTarget = false): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return intTarget ? `number ${v}` : 'number';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

class DecodeError extends Error {}

function check(v: unknown, t: GoType, top: string, path: string[]): void {
  if (v === null || t.kind === 'any') return;
  const fail = (kind = jsonKind(v)) => {
    const where = path.length
      ? `Go struct field ${top}.${path.join('.')}`
      : `Go value`;
    throw new DecodeError(
      `json: cannot unmarshal ${kind} into ${where} of type ${goName(t)}`,
    );
  };
  switch (t.kind) {
    case 'string':
      if (typeof v !== 'string') fail();
      return;
    case 'bool':
      if (typeof v !== 'boolean') fail();
      return;
    case 'int':
      if (typeof v !== 'number') fail();
      if (!Number.isInteger(v)) fail(jsonKind(v, true));
      return;
    case 'slice':
      if (!Array.isArray(v)) fail();
      (v as unknown[]).forEach(item => check(item, t.of, top, path));
      return;
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) fail();
      for (const [k, item] of Object.entries(v as object))
        check(item, t.of, top, [...path, k]);
      return;
    default:
      if (typeof v !== 'object' || Array.isArray(v)) fail();
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const field = fieldOf(t.fields, k);
        if (field) check(item, field, top, [...path, k]);
      }
  }
}

/** Go matches JSON keys to fields case-insensitively when no exact match exists. */
function fieldOf(
  fields: Record<string, GoType>,
  key: string,
): GoType | undefined {
  if (key in fields) return fields[key];
  const lower = key.toLowerCase();
  const hit = Object.keys(fields).find(f => f.toLowerCase() === lower);
  return hit ? fields[hit] : undefined;
}

/**
 * Checks a parsed body against a Go struct type; throws the 400 the real server answers (InvalidArgument
 * with `encoding/json`'s message) when a value has the wrong type. Returns the body unchanged.
 */
export function decodeStrictly<T = unknown>(body: unknown, t: GoType): T {
  const top = t.kind === 'struct' ? t.go.split('.').pop()! : goName(t);
  try {
    check(body, t, top, []);
  } catch (e) {
    if (e instanceof DecodeError) throw invalidArgument(e.message);
    throw e;
  }
  return body as T;
}
