import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hooks } from '../hooks/faults.ts';
import {
  ApiError,
  GrpcCode,
  httpStatusFor,
  streamErrorBody,
  toApiError,
  unaryErrorBody,
} from './errors.ts';
import type { RequestContext, Router } from './router.ts';

export interface HttpServerOptions {
  host: string;
  port: number;
  token: string;
  router: Router;
  hooks: Hooks;
  /** Paths (prefixes) that need no token. */
  publicPaths?: string[];
}

const PUBLIC = ['/api/version', '/api/v1/session', '/api/v1/settings'];
/** Routes whose errors use the stream error body (`{"error": {...}}`). */
const STREAMING = [
  /^\/api\/v1\/stream\//,
  /^\/api\/v1\/applications\/[^/]+\/logs$/,
  /^\/api\/v1\/applications\/[^/]+\/pods\/[^/]+\/logs$/,
];

function tokenOf(req: http.IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth && /^bearer\s+/i.test(auth))
    return auth.replace(/^bearer\s+/i, '').trim();
  const cookie = req.headers.cookie ?? '';
  const m = /(?:^|;\s*)argocd\.token=([^;]+)/.exec(cookie);
  return m ? decodeURIComponent(m[1]) : undefined;
}

export function isAuthenticated(
  req: http.IncomingMessage,
  token: string,
): boolean {
  return tokenOf(req) === token;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, path: string, err: ApiError) {
  const streaming = STREAMING.some(r => r.test(path));
  sendJson(
    res,
    err.httpStatus,
    streaming ? streamErrorBody(err) : unaryErrorBody(err),
  );
}

/** Why the request's token (bearer header or argocd.token cookie) is refused, if it is. */
function authenticationError(
  req: http.IncomingMessage,
  expected: string,
): ApiError | undefined {
  const token = tokenOf(req);
  if (!token)
    return new ApiError(GrpcCode.Unauthenticated, 'no session information');
  if (token !== expected)
    return new ApiError(
      GrpcCode.Unauthenticated,
      'invalid session: token signature is invalid',
    );
  return undefined;
}

/**
 * The error for a path no route serves, or serves with other methods (grpc-gateway answers 501 then).
 * Under /api/ it is 501 naming the route: a 404 would make clients conclude that an object is missing
 * when it is the sandbox that lacks the endpoint.
 */
function noRouteError(
  methodMismatch: boolean,
  method: string,
  path: string,
): ApiError {
  if (methodMismatch)
    return new ApiError(GrpcCode.Unimplemented, 'Method Not Allowed', 501);
  if (path.startsWith('/api/'))
    return new ApiError(
      GrpcCode.Unimplemented,
      `the Argo CD sandbox does not implement ${method} ${path}`,
    );
  return new ApiError(GrpcCode.NotFound, 'Not Found');
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The HTTP front: hooks, Content-Type rule, authentication, JSON bodies, errors as grpc-gateway writes them. */
export function createHttpServer(opts: HttpServerOptions): http.Server {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(e => {
      if (!res.headersSent) sendJson(res, 500, unaryErrorBody(toApiError(e)));
      else res.end();
    });
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const { match, methodMismatch } = opts.router.match(method, path);
    const route = match?.route ?? `${method} ${path}`;
    const isSandbox = path.startsWith('/sandbox');
    if (!isSandbox) {
      const seen = opts.hooks.record(method, path, route);
      const fault = opts.hooks.takeFault(method, path, route);
      if (fault?.latencyMs) {
        await new Promise(r => setTimeout(r, fault.latencyMs));
        seen.delayedMs = fault.latencyMs;
      }
      if (fault?.drop) {
        req.socket.destroy();
        return;
      }
      if (fault?.status) {
        const status = fault.status;
        const code = fault.code ?? grpcCodeFor(status);
        const message = fault.message ?? 'injected fault';
        const streaming = STREAMING.some(r => r.test(path));
        const err = new ApiError(code, message, status);
        sendJson(
          res,
          status,
          streaming ? streamErrorBody(err) : unaryErrorBody(err),
        );
        return;
      }
    }
    if (method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD' && path.startsWith('/api/')) {
      const ct = (req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      if (ct !== 'application/json') {
        res.writeHead(415, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Invalid content type\n');
        return;
      }
    }
    const isPublic = [...PUBLIC, ...(opts.publicPaths ?? [])].some(
      p => path === p || path.startsWith(`${p}/`),
    );
    if ((path.startsWith('/api/v1') || isSandbox) && !isPublic) {
      const authError = authenticationError(req, opts.token);
      if (authError) {
        sendError(res, path, authError);
        return;
      }
    }
    if (!match) {
      sendError(res, path, noRouteError(methodMismatch, method, path));
      return;
    }
    const rawBody =
      method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
    let body: unknown = undefined;
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch (e) {
        sendError(
          res,
          path,
          new ApiError(
            GrpcCode.InvalidArgument,
            `invalid character in request body: ${(e as Error).message}`,
          ),
        );
        return;
      }
    }
    const ctx: RequestContext = {
      req,
      res,
      method,
      path,
      params: match.params,
      query: url.searchParams,
      body,
      rawBody,
      route,
    };
    try {
      const result = await match.handler(ctx);
      if (result !== undefined && !res.writableEnded)
        sendJson(res, 200, result);
    } catch (e) {
      if (res.headersSent) {
        res.end();
        return;
      }
      sendError(res, path, toApiError(e));
    }
  }

  const origClose = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    origClose(cb);
    for (const s of sockets) s.destroy();
    return server;
  }) as typeof server.close;
  return server;
}

function grpcCodeFor(status: number): number {
  for (const code of Object.values(GrpcCode))
    if (httpStatusFor(code) === status && code !== GrpcCode.OK) return code;
  return GrpcCode.Unknown;
}

export function listen(
  server: http.Server,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
