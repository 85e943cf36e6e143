import {
  isDnsLabel,
  type CapabilityName,
} from '@internal/plugin-app-center-common';
import type { Request, RequestHandler } from 'express';
import type { AccessResolver } from '../domain/AccessResolver';
import type { CallerResolver } from './CallerResolver';

// One path segment; whether it is a valid name is the DNS label rule's to say (isDnsLabel).
const LABEL = '([^/]+)';
const reads = (method: string) => method === 'GET' || method === 'HEAD';
const TENANT_ACTIONS: Record<string, string> = {
  POST: 'create tenants',
  PUT: 'change tenants',
  DELETE: 'delete tenants',
};

/** What a request on a project needs, by path: the capability, on the project or one of its environments. */
const RULES: Array<{
  path: RegExp;
  env?: (m: RegExpExecArray) => string | undefined;
  need: (method: string, m: RegExpExecArray) => CapabilityName;
}> = [
  {
    // An environment's apps and deployments; editing an app's files is an edit, the rest queue tasks.
    path: new RegExp(
      `^/projects/${LABEL}/environments/${LABEL}/(?:apps|deployments)(/.*)?$`,
    ),
    env: m => m[2],
    need: (method, m) => {
      if (reads(method)) return 'read';
      return /^\/[^/]+\/files$/.test(m[3] ?? '')
        ? 'editEnvironmentApp'
        : 'deploy';
    },
  },
  {
    path: new RegExp(`^/projects/${LABEL}/templates(?:/.*)?$`),
    need: method => (reads(method) ? 'read' : 'editTemplates'),
  },
  {
    // The project itself and its environments.
    path: new RegExp(`^/projects/${LABEL}(?:/environments(?:/${LABEL})?)?$`),
    env: m => m[2],
    need: method => (reads(method) ? 'read' : 'manage'),
  },
];

/**
 * Authorization before input validation (DESIGN.md section 6): runs ahead of the OpenAPI validator, so a
 * caller who may not act on a project gets 403 with the reason, not a 400 that describes the schema. The
 * services check again (they are the authority); the caller and the policy's answers are resolved once per
 * request and shared with them. Paths whose names are not DNS labels are left to the routes (400 or 404).
 */
export function authorizeFirst(deps: {
  callers: CallerResolver;
  access: AccessResolver;
}): RequestHandler {
  const { callers, access } = deps;
  const check = async (req: Request) => {
    const { method, path } = req;
    if (path === '/projects' && method === 'POST') {
      // Creating a project is for the admins of the tenant the body names, when it names one that exists.
      const named = req.body?.tenant;
      const tenant =
        typeof named === 'string' ? await access.findTenant(named) : undefined;
      if (tenant)
        access.requireTenantAdmin(
          await callers.caller(req),
          tenant,
          'create projects',
        );
      return;
    }
    if (path === '/tasks' && method === 'POST') {
      // A task of any kind changes the environment the body names: its deployers' (when it names one).
      const { project, environment } = req.body ?? {};
      if (isDnsLabel(project) && isDnsLabel(environment))
        await access.requireOn(
          await callers.caller(req),
          'deploy',
          project,
          environment,
        );
      return;
    }
    if (/^\/tenants(\/[^/]+)?$/.test(path) && TENANT_ACTIONS[method]) {
      access.requirePortalAdmin(
        await callers.caller(req),
        TENANT_ACTIONS[method],
      );
      return;
    }
    for (const rule of RULES) {
      const match = rule.path.exec(path);
      if (!match) continue;
      const [project, env] = [match[1], rule.env?.(match)];
      if (!isDnsLabel(project) || (env !== undefined && !isDnsLabel(env)))
        return;
      await access.requireOn(
        await callers.caller(req),
        rule.need(method, match),
        project,
        env,
      );
      return;
    }
  };
  return (req, _res, next) => {
    check(req).then(() => next(), next);
  };
}
