import { InputError } from '@backstage/errors';
import express, { RequestHandler, Router } from 'express';

/** The parts of an OpenAPI document the HTTP contract reads: which methods each path has, which need a body. */
type OpenApiPaths = {
  paths: Record<string, Record<string, unknown>>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Manifest files may be up to 256 KiB each (see git/yaml/parseManifests.ts): allow bodies beyond express's 100 KiB. */
export const MAX_BODY = '4mb';

/** An error whose HTTP status Backstage's error handler answers as it is (it reads `statusCode`). */
function httpError(name: string, statusCode: number, message: string) {
  return Object.assign(new Error(message), { name, statusCode });
}

/** Matches a request path to the document's path templates (`/tenants/{tenant}`), most literal first. */
function pathMatcher(spec: OpenApiPaths) {
  const entries = Object.entries(spec.paths).map(([template, item]) => ({
    pattern: new RegExp(
      `^${template
        .split('/')
        .map(part =>
          /^\{.+\}$/.test(part)
            ? '[^/]+'
            : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/')}/?$`,
    ),
    literal: template.replace(/\{[^}]+\}/g, '').length,
    item,
  }));
  entries.sort((a, b) => b.literal - a.literal);
  return (path: string) => entries.find(e => e.pattern.test(path))?.item;
}

/**
 * What the router's OpenAPI validator cannot say by itself, kept apart so its errors keep their status:
 * a body over the limit is a 413 (not the validator's 400), a route that needs a body says so when none came,
 * and a method the document does not have on a path it has is a 405 with `Allow` (not a 404).
 * `routes` is the validated router; the result wraps it. `authorize` runs once the body is parsed and before
 * anything looks at it, so a caller who may not act gets 403 rather than a 400 about their input.
 */
export function withHttpContract(
  spec: OpenApiPaths,
  routes: Router,
  authorize?: RequestHandler,
): Router {
  const find = pathMatcher(spec);
  const json = express.json({ limit: MAX_BODY });
  const outer = Router();
  outer.use((req, res, next) =>
    json(req, res, error => {
      if (!error) return next();
      if (error.type === 'entity.too.large')
        return next(
          httpError(
            'PayloadTooLargeError',
            413,
            `the request body is larger than ${MAX_BODY}`,
          ),
        );
      if (error.type === 'entity.parse.failed')
        return next(new InputError('the request body is not valid JSON'));
      return next(
        httpError('UnsupportedMediaTypeError', 415, String(error.message)),
      );
    }),
  );
  const requireBody: RequestHandler = (req, _res, next) => {
    const operation = find(req.path)?.[req.method.toLowerCase()] as
      | { requestBody?: { required?: boolean } }
      | undefined;
    const parsed = (req as { _body?: boolean })._body === true;
    if (operation?.requestBody?.required && !parsed)
      return next(
        new InputError(
          `${req.method} ${req.path} needs a JSON request body (Content-Type: application/json)`,
        ),
      );
    return next();
  };
  if (authorize) outer.use(authorize);
  outer.use(requireBody);
  outer.use(routes);
  outer.use((req, res, next) => {
    const item = find(req.path);
    if (!item) return next();
    const allowed = METHODS.filter(m => m in item).map(m => m.toUpperCase());
    if (allowed.includes('GET') && !allowed.includes('HEAD'))
      allowed.push('HEAD');
    if (allowed.includes(req.method)) return next();
    res.setHeader('Allow', allowed.join(', '));
    return next(
      httpError(
        'MethodNotAllowedError',
        405,
        `${req.method} is not allowed on ${req.path}; allowed: ${allowed.join(
          ', ',
        )}`,
      ),
    );
  });
  return outer;
}

/** For the validated router's own body parsing: the body was parsed (and its errors answered) before it. */
export const bodyAlreadyParsed: RequestHandler = (_req, _res, next) => next();
