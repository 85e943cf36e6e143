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

export const isInTenant = createPermissionRule({
  name: 'IS_IN_TENANT',
  description: 'Allow projects and environments of the given tenants',
  resourceRef: appCenterTargetResourceRef,
  paramsSchema: z.object({
    tenants: z.array(z.string()).describe('Tenant names'),
  }),
  apply: (target, { tenants }) => tenants.includes(target.tenant),
  toQuery: ({ tenants }) => ({ rule: 'IS_IN_TENANT', values: tenants }),
});

export const isProject = createPermissionRule({
  name: 'IS_PROJECT',
  description: 'Allow the given projects and their environments',
  resourceRef: appCenterTargetResourceRef,
  paramsSchema: z.object({
    projects: z.array(z.string()).describe('Project names'),
  }),
  apply: (target, { projects }) => projects.includes(target.project),
  toQuery: ({ projects }) => ({ rule: 'IS_PROJECT', values: projects }),
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
