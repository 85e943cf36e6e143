import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  APP_CENTER_RESOURCE_TYPE,
  type EnvironmentKind,
} from '@internal/plugin-app-center-common';
import { z } from 'zod';

/**
 * What App Center's conditional rules look at: a project, or an environment of a project
 * (resource refs `<project>` and `<project>/<env>`).
 */
export type AppCenterTarget = {
  tenant: string;
  project: string;
  environment?: { name: string; kind: EnvironmentKind; protected: boolean };
};

/** The rules only evaluate loaded resources; there is no database query form. */
export type AppCenterTargetQuery = { rule: string; values: string[] };

export const appCenterTargetResourceRef = createPermissionResourceRef<
  AppCenterTarget,
  AppCenterTargetQuery
>().with({ pluginId: 'app-center', resourceType: APP_CENTER_RESOURCE_TYPE });

/** A rule that allows targets whose tenant (or project) is one of the names given in `param`. */
function nameInListRule(rule: {
  name: string;
  description: string;
  param: string;
  names: string;
  of(target: AppCenterTarget): string;
}) {
  const list = z.array(z.string()).describe(rule.names);
  const schema = z.object({ [rule.param]: list });
  const listOf = (params: Record<string, string[]>) => params[rule.param];
  return createPermissionRule({
    name: rule.name,
    description: rule.description,
    resourceRef: appCenterTargetResourceRef,
    paramsSchema: schema,
    apply: (target, params) => listOf(params).includes(rule.of(target)),
    toQuery: params => ({ rule: rule.name, values: listOf(params) }),
  });
}

export const isInTenant = nameInListRule({
  name: 'IS_IN_TENANT',
  description: 'Allow projects and environments of the given tenants',
  param: 'tenants',
  names: 'Tenant names',
  of: target => target.tenant,
});

export const isProject = nameInListRule({
  name: 'IS_PROJECT',
  description: 'Allow the given projects and their environments',
  param: 'projects',
  names: 'Project names',
  of: target => target.project,
});

export const isEnvironmentKind = createPermissionRule({
  name: 'IS_ENVIRONMENT_KIND',
  description: 'Allow environments of the given kinds (dev, test, prod)',
  resourceRef: appCenterTargetResourceRef,
  paramsSchema: z.object({
    kinds: z
      .array(z.enum(['dev', 'test', 'prod']))
      .describe('Environment kinds'),
  }),
  apply: (target, { kinds }) =>
    !!target.environment && kinds.includes(target.environment.kind),
  toQuery: ({ kinds }) => ({ rule: 'IS_ENVIRONMENT_KIND', values: kinds }),
});

export const isProtectedEnvironment = createPermissionRule({
  name: 'IS_PROTECTED_ENVIRONMENT',
  description: 'Allow environments marked protected',
  resourceRef: appCenterTargetResourceRef,
  apply: target => !!target.environment?.protected,
  toQuery: () => ({ rule: 'IS_PROTECTED_ENVIRONMENT', values: [] }),
});

export const appCenterRules = [
  isInTenant,
  isProject,
  isEnvironmentKind,
  isProtectedEnvironment,
];
