/** Kubernetes label selectors: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, joined by commas. */
export type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export class SelectorError extends Error {}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0)
    throw new SelectorError(
      `unable to parse requirement: found '(', expected: ')'`,
    );
  parts.push(cur);
  return parts.map(p => p.trim()).filter(p => p !== '');
}

function checkKey(key: string) {
  if (!KEY.test(key) || key.length > 317)
    throw new SelectorError(
      `unable to parse requirement: invalid label key "${key}"`,
    );
}

function checkValue(v: string) {
  if (!VALUE.test(v) || v.length > 63)
    throw new SelectorError(
      `unable to parse requirement: invalid label value: "${v}"`,
    );
}

export function parseSelector(
  selector: string | null | undefined,
): Requirement[] {
  if (!selector || !selector.trim()) return [];
  return splitTopLevel(selector).map(part => {
    let m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(part);
    if (m) {
      checkKey(m[1]);
      const values = m[3].split(',').map(v => v.trim());
      values.forEach(checkValue);
      return { key: m[1], op: m[2] as 'in' | 'notin', values };
    }
    m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(part);
    if (m) {
      checkKey(m[1]);
      checkValue(m[3]);
      return { key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] };
    }
    m = /^!\s*(\S+)$/.exec(part);
    if (m) {
      checkKey(m[1]);
      return { key: m[1], op: 'notexists' };
    }
    if (/^\S+$/.test(part)) {
      checkKey(part);
      return { key: part, op: 'exists' };
    }
    throw new SelectorError(
      `unable to parse requirement: found '${part}', expected: identifier`,
    );
  });
}

export function matchesSelector(
  reqs: Requirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  return reqs.every(r => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      default:
        return false;
    }
  });
}
