import type { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  appCenterDeployPermission,
  appCenterProjectManagePermission,
  appCenterProjectReadPermission,
  type Capabilities,
  type CapabilityName,
  type Environment,
  type Project,
  type Tenant,
} from '@internal/plugin-app-center-common';
import { assertDnsLabel } from '../git';
import {
  CAPABILITY_NAMES,
  denied,
  domainCapabilities,
  isMember,
  isTenantAdmin,
  notMemberReason,
} from './accessRules';
import type { Caller } from './Caller';
import type { DomainStore } from './DomainStore';

/** What the resolver reads to load a target. */
export type AccessStore = Pick<
  DomainStore,
  'getProject' | 'getTenant' | 'getEnvironment' | 'findTenant'
>;

/** What a caller acts on: a project of a tenant, or one environment of it. */
export interface AccessTarget {
  tenant: Tenant;
  project: Project;
  environment?: Environment;
}

/**
 * The Backstage permission the portal's policy is asked for each capability, on `<project>` or
 * `<project>/<env>`, and how a refusal names the action.
 */
const POLICY: Record<
  CapabilityName,
  { permission: ResourcePermission; onEnvironment: boolean; verb: string }
> = {
  read: {
    permission: appCenterProjectReadPermission,
    onEnvironment: false,
    verb: 'read',
  },
  editTemplates: {
    permission: appCenterProjectManagePermission,
    onEnvironment: false,
    verb: 'edit the templates of',
  },
  editEnvironmentApp: {
    permission: appCenterDeployPermission,
    onEnvironment: true,
    verb: 'edit the apps of',
  },
  deploy: {
    permission: appCenterDeployPermission,
    onEnvironment: true,
    verb: 'deploy to',
  },
  manage: {
    permission: appCenterProjectManagePermission,
    onEnvironment: false,
    verb: 'manage',
  },
};

const refOf = (target: AccessTarget, name: CapabilityName) =>
  POLICY[name].onEnvironment && target.environment
    ? `${target.project.name}/${target.environment.name}`
    : target.project.name;

const whereOf = (target: AccessTarget, name: CapabilityName) =>
  POLICY[name].onEnvironment && target.environment
    ? `${target.project.name}/${target.environment.name}`
    : `project "${target.project.name}"`;

/**
 * The one place that decides what a caller may do on a target (DESIGN.md section 6): App Center's own rules
 * (domain/accessRules.ts), which hold whatever policy the portal installs, and then the portal's permission
 * policy, which can only narrow them. Every service asks it; responses carry its answer as capabilities, with
 * the reason when one is missing, so the frontend never re-derives a rule.
 *
 * Nothing may be done on a project the caller may not read. Policy decisions are asked in one batch per call
 * and remembered for the caller (one request), so a route that checks and then reports costs one round trip.
 */
export class AccessResolver {
  private readonly decisions = new WeakMap<
    Caller,
    Map<string, Promise<boolean>>
  >();

  constructor(
    private readonly deps: {
      store: AccessStore;
      permissions: PermissionsService;
    },
  ) {}

  /** Loads a project (and one of its environments) with its tenant; 404 when one does not exist. */
  async target(projectName: string, envName?: string): Promise<AccessTarget> {
    assertDnsLabel('project', projectName);
    if (envName !== undefined) assertDnsLabel('environment', envName);
    const project = await this.deps.store.getProject(projectName);
    const [tenant, environment] = await Promise.all([
      this.deps.store.getTenant(project.tenant),
      envName === undefined
        ? undefined
        : this.deps.store.getEnvironment(projectName, envName),
    ]);
    return { tenant, project, ...(environment ? { environment } : {}) };
  }

  /** What the caller may do on the target. */
  async capabilities(
    caller: Caller,
    target: AccessTarget,
  ): Promise<Capabilities> {
    const [capabilities] = await this.capabilitiesOf(caller, [target]);
    return capabilities;
  }

  /** What the caller may do on each target, with one call to the portal's policy for all of them. */
  async capabilitiesOf(
    caller: Caller,
    targets: AccessTarget[],
  ): Promise<Capabilities[]> {
    const rules = targets.map(t =>
      domainCapabilities(caller, t.tenant, t.project.name, t.environment),
    );
    const asks = targets.flatMap((target, i) =>
      CAPABILITY_NAMES.filter(name => rules[i][name].allowed).map(name => ({
        permission: POLICY[name].permission,
        resourceRef: refOf(target, name),
      })),
    );
    const allowed = await this.authorize(caller, asks);
    return targets.map((target, i) => {
      const result = { ...rules[i] };
      for (const name of CAPABILITY_NAMES) {
        if (!result[name].allowed) continue;
        const { permission } = POLICY[name];
        const ref = refOf(target, name);
        if (!allowed.get(`${permission.name} ${ref}`)) {
          result[name] = denied(
            `the portal's permission policy does not allow it (${permission.name} on ${ref})`,
          );
        }
      }
      // Nothing can be done on what may not be read.
      if (!result.read.allowed) {
        for (const name of CAPABILITY_NAMES) result[name] = result.read;
      }
      return result;
    });
  }

  /** 403 with the reason unless the caller may do `name` on the target. */
  async require(
    caller: Caller,
    target: AccessTarget,
    name: CapabilityName,
  ): Promise<void> {
    const capability = (await this.capabilities(caller, target))[name];
    if (!capability.allowed) {
      throw new NotAllowedError(
        `${caller.userEntityRef} may not ${POLICY[name].verb} ${whereOf(
          target,
          name,
        )}: ${capability.reason}`,
      );
    }
  }

  /**
   * Loads the target and requires the capability on it; answers the target. The project must be readable
   * before its environment is looked up, so an outsider cannot tell which environments exist.
   */
  async requireOn(
    caller: Caller,
    name: CapabilityName,
    projectName: string,
    envName?: string,
  ): Promise<AccessTarget> {
    const project = await this.target(projectName);
    if (envName === undefined) {
      await this.require(caller, project, name);
      return project;
    }
    await this.require(caller, project, 'read');
    assertDnsLabel('environment', envName);
    const environment = await this.deps.store.getEnvironment(
      projectName,
      envName,
    );
    const target = { ...project, environment };
    await this.require(caller, target, name);
    return target;
  }

  /** Tenants are visible to their members (the portal's policy has no tenant permission). */
  isMember(caller: Caller, tenant: Tenant): boolean {
    return isMember(caller, tenant);
  }

  requireMember(caller: Caller, tenant: Tenant): void {
    if (!isMember(caller, tenant)) {
      throw new NotAllowedError(
        `${caller.userEntityRef} may not read tenant "${
          tenant.name
        }": ${notMemberReason(tenant)}`,
      );
    }
  }

  /** A tenant by name, undefined when there is none (e.g. named in a body that is checked later). */
  async findTenant(name: string): Promise<Tenant | undefined> {
    return this.deps.store.findTenant(name);
  }

  /** Creating projects in (or moving them into) a tenant is its admins'; there is no project to ask about yet. */
  requireTenantAdmin(caller: Caller, tenant: Tenant, action: string): void {
    if (!isTenantAdmin(caller, tenant)) {
      throw new NotAllowedError(
        `only admins of tenant "${tenant.name}" may ${action} (admin groups: ${
          tenant.adminGroups.join(', ') || 'none'
        })`,
      );
    }
  }

  /** Tenants themselves are the portal admins' (the app-center.admin permission). */
  requirePortalAdmin(caller: Caller, action: string): void {
    if (!caller.portalAdmin) {
      throw new NotAllowedError(
        `only portal admins may ${action}; ask a portal admin (the app-center.admin permission)`,
      );
    }
  }

  /** Asks the policy what this caller has not been asked yet; answers by `<permission> <ref>`. */
  private async authorize(
    caller: Caller,
    asks: Array<{ permission: ResourcePermission; resourceRef: string }>,
  ): Promise<Map<string, boolean>> {
    let known = this.decisions.get(caller);
    if (!known) this.decisions.set(caller, (known = new Map()));
    const key = (a: (typeof asks)[number]) =>
      `${a.permission.name} ${a.resourceRef}`;
    const fresh = [
      ...new Map(
        asks.filter(a => !known!.has(key(a))).map(a => [key(a), a]),
      ).values(),
    ];
    if (fresh.length) {
      const answer = this.deps.permissions
        .authorize(fresh, { credentials: caller.credentials })
        .then(ds => ds.map(d => d.result === AuthorizeResult.ALLOW));
      fresh.forEach((a, i) =>
        known!.set(
          key(a),
          answer.then(r => r[i]),
        ),
      );
      // A failed call is not remembered: the next check asks again.
      answer.catch(() => fresh.forEach(a => known!.delete(key(a))));
    }
    const entries = await Promise.all(
      asks.map(async a => [key(a), await known!.get(key(a))!] as const),
    );
    return new Map(entries);
  }
}
