import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  rawBody: string;
  /** `METHOD /template/{param}` of the matched route, used by hooks and counters. */
  route: string;
}

/** A handler returns a JSON body (sent with 200) or `undefined` when it wrote the response itself. */
export type Handler = (ctx: RequestContext) => unknown | Promise<unknown>;

interface Route {
  method: string;
  template: string;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  route: string;
  params: Record<string, string>;
  handler: Handler;
}

/** A tiny router over path templates like `/api/v1/applications/{name}/resource`. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler): this {
    this.routes.push({ method, template, segments: split(template), handler });
    return this;
  }

  get(t: string, h: Handler) {
    return this.add('GET', t, h);
  }
  post(t: string, h: Handler) {
    return this.add('POST', t, h);
  }
  put(t: string, h: Handler) {
    return this.add('PUT', t, h);
  }
  patch(t: string, h: Handler) {
    return this.add('PATCH', t, h);
  }
  delete(t: string, h: Handler) {
    return this.add('DELETE', t, h);
  }

  /** Finds the route; `methodMismatch` is true when the path exists for another method. */
  match(
    method: string,
    path: string,
  ): { match?: RouteMatch; methodMismatch: boolean } {
    const segs = split(path);
    let methodMismatch = false;
    // literal segments win over parameters: try routes with more literals first
    const candidates = this.routes
      .map(r => ({ r, params: matchSegments(r.segments, segs) }))
      .filter(c => c.params !== undefined)
      .sort((a, b) => literalCount(b.r) - literalCount(a.r));
    for (const c of candidates) {
      if (c.r.method === method) {
        return {
          match: {
            route: `${c.r.method} ${c.r.template}`,
            params: c.params!,
            handler: c.r.handler,
          },
          methodMismatch: false,
        };
      }
      methodMismatch = true;
    }
    return { methodMismatch };
  }

  templates(): string[] {
    return this.routes.map(r => `${r.method} ${r.template}`);
  }
}

function literalCount(r: Route): number {
  return r.segments.filter(s => !s.startsWith('{')).length;
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

function matchSegments(
  template: string[],
  actual: string[],
): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t.startsWith('{') && t.endsWith('}')) {
      try {
        params[t.slice(1, -1)] = decodeURIComponent(actual[i]);
      } catch {
        return undefined;
      }
    } else if (t !== actual[i]) {
      return undefined;
    }
  }
  return params;
}

export function queryBool(
  q: URLSearchParams,
  name: string,
): boolean | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  return v === 'true' || v === '1';
}

export function queryInt(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}
