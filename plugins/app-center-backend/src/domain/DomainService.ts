import { ConflictError, InputError } from '@backstage/errors';
import {
  type Access,
  type Environment,
  type Project,
  type Tenant,
} from '@internal/plugin-app-center-common';
import { AccessResolver } from './AccessResolver';
import { isTenantAdmin } from './accessRules';
import type { Caller } from './Caller';
import type { AppProjectCheck } from './appProjectCheck';
import type { DomainStore } from './DomainStore';
import { GroupCatalog } from './GroupCatalog';
import {
  validateEnvironment,
  validateProject,
  validateTenant,
} from './validateInput';

const fromConfig = (kind: string, name: string) =>
  new ConflictError(
    `${kind} "${name}" is managed in app-config (appCenter.tenants); change it there`,
  );

/** Refs that an update adds: only those are checked against the catalog, so a later-deleted group never blocks edits. */
const added = (next: string[], before: string[] = []) =>
  next.filter(r => !before.includes(r));

/**
 * Tenants, projects and environments: validation, references, access rules. One method per route.
 * Bad input or a refused caller changes nothing: every check runs before the first write, and the caller's
 * rights are checked before the input (an outsider learns nothing about the schema).
 */
export class DomainService {
  constructor(
    private readonly store: DomainStore,
    private readonly access: AccessResolver,
    private readonly groups: GroupCatalog,
    private readonly argocdInstances: () => string[],
    /** The Argo CD AppProject must allow a project's repository and destinations before they are stored. */
    private readonly appProjects: Pick<AppProjectCheck, 'require'>,
  ) {}

  // ---- tenants

  async listTenants(caller: Caller): Promise<Tenant[]> {
    const all = await this.store.listTenants();
    return all.filter(t => this.access.isMember(caller, t));
  }

  async getTenant(caller: Caller, name: string): Promise<Tenant> {
    const tenant = await this.store.getTenant(name);
    this.access.requireMember(caller, tenant);
    return tenant;
  }

  async createTenant(
    caller: Caller,
    input: { name?: unknown },
  ): Promise<Tenant> {
    this.access.requirePortalAdmin(caller, 'create tenants');
    const record = validateTenant(input.name, input, 'portal');
    await this.groups.requireGroups('groups', record.groups);
    await this.groups.requireGroups('adminGroups', record.adminGroups);
    return this.store.insertTenant(record);
  }

  async updateTenant(
    caller: Caller,
    name: string,
    input: unknown,
  ): Promise<Tenant> {
    this.access.requirePortalAdmin(caller, 'change tenants');
    const current = await this.store.getTenant(name);
    if (current.source === 'config') throw fromConfig('tenant', name);
    const record = validateTenant(name, input, 'portal');
    await this.groups.requireGroups(
      'groups',
      added(record.groups, current.groups),
    );
    await this.groups.requireGroups(
      'adminGroups',
      added(record.adminGroups, current.adminGroups),
    );
    return this.store.updateTenant(record);
  }

  async deleteTenant(caller: Caller, name: string): Promise<void> {
    this.access.requirePortalAdmin(caller, 'delete tenants');
    await this.store.transaction(async store => {
      const current = await store.getTenant(name);
      if (current.source === 'config') throw fromConfig('tenant', name);
      const projects = await store.listProjects({ tenants: [name] });
      if (projects.length) {
        throw new ConflictError(
          `tenant "${name}" still has projects: ${projects
            .map(p => p.name)
            .join(', ')}; delete or move them first`,
        );
      }
      await store.deleteTenant(name);
    });
  }

  // ---- projects

  async listProjects(caller: Caller, tenant?: string): Promise<Project[]> {
    const tenants = (await this.store.listTenants()).filter(
      t => (!tenant || t.name === tenant) && this.access.isMember(caller, t),
    );
    const projects = await this.store.listProjects({
      tenants: tenants.map(t => t.name),
    });
    const byName = new Map(tenants.map(t => [t.name, t]));
    const capabilities = await this.access.capabilitiesOf(
      caller,
      projects.map(project => ({
        project,
        tenant: byName.get(project.tenant)!,
      })),
    );
    return projects.filter((_, i) => capabilities[i].read.allowed);
  }

  async getProject(caller: Caller, name: string): Promise<Project> {
    return (await this.access.requireOn(caller, 'read', name)).project;
  }

  async createProject(
    caller: Caller,
    input: { name?: unknown; tenant?: unknown },
  ): Promise<Project> {
    // Who may create projects in the named tenant is known before the rest of the input is looked at.
    const named =
      typeof input.tenant === 'string'
        ? await this.store.findTenant(input.tenant)
        : undefined;
    if (named) this.access.requireTenantAdmin(caller, named, 'create projects');
    const record = validateProject(
      input.name,
      input,
      'portal',
      this.argocdInstances(),
    );
    const tenant = await this.store.getTenant(record.tenant).catch(() => {
      throw inputNotFound(`tenant "${record.tenant}" does not exist`);
    });
    this.access.requireTenantAdmin(caller, tenant, 'create projects');
    await this.appProjects.require(record, []);
    return this.store.insertProject(record);
  }

  async updateProject(
    caller: Caller,
    name: string,
    input: unknown,
  ): Promise<Project> {
    const { project: current } = await this.access.requireOn(
      caller,
      'manage',
      name,
    );
    if (current.source === 'config') throw fromConfig('project', name);
    const record = validateProject(
      name,
      input,
      'portal',
      this.argocdInstances(),
    );
    if (record.tenant !== current.tenant) {
      const target = await this.store.getTenant(record.tenant).catch(() => {
        throw inputNotFound(`tenant "${record.tenant}" does not exist`);
      });
      this.access.requireTenantAdmin(caller, target, `move projects into it`);
    }
    await this.appProjects.require(
      record,
      await this.store.listEnvironments(name),
    );
    return this.store.updateProject(record);
  }

  async deleteProject(caller: Caller, name: string): Promise<void> {
    const { project: current } = await this.access.requireOn(
      caller,
      'manage',
      name,
    );
    if (current.source === 'config') throw fromConfig('project', name);
    await this.store.transaction(async store => {
      const envs = await store.listEnvironments(name);
      if (envs.length) {
        throw new ConflictError(
          `project "${name}" still has environments: ${envs
            .map(e => e.name)
            .join(', ')}; delete them first`,
        );
      }
      await store.deleteProject(name);
    });
  }

  // ---- environments

  async listEnvironments(
    caller: Caller,
    project: string,
  ): Promise<Environment[]> {
    await this.getProject(caller, project);
    return this.store.listEnvironments(project);
  }

  async getEnvironment(
    caller: Caller,
    project: string,
    name: string,
  ): Promise<Environment> {
    return (await this.access.requireOn(caller, 'read', project, name))
      .environment!;
  }

  async createEnvironment(
    caller: Caller,
    project: string,
    input: { name?: unknown },
  ): Promise<Environment> {
    const { project: p } = await this.access.requireOn(
      caller,
      'manage',
      project,
    );
    const record = validateEnvironment(project, input.name, input, 'portal');
    await this.groups.requireGroups('deployerGroups', record.deployerGroups);
    await this.appProjects.require(p, [record]);
    return this.store.insertEnvironment(record);
  }

  async updateEnvironment(
    caller: Caller,
    project: string,
    name: string,
    input: unknown,
  ): Promise<Environment> {
    const current = await this.portalEnvironment(caller, project, name);
    const record = validateEnvironment(project, name, input, 'portal');
    await this.groups.requireGroups(
      'deployerGroups',
      added(record.deployerGroups, current.deployerGroups),
    );
    await this.appProjects.require(await this.store.getProject(project), [
      record,
    ]);
    return this.store.updateEnvironment(record);
  }

  async deleteEnvironment(
    caller: Caller,
    project: string,
    name: string,
  ): Promise<void> {
    await this.portalEnvironment(caller, project, name);
    await this.store.deleteEnvironment(project, name);
  }

  /** An environment a project admin may change or delete: 403 for others, 409 when config defines it. */
  private async portalEnvironment(
    caller: Caller,
    project: string,
    name: string,
  ): Promise<Environment> {
    await this.access.requireOn(caller, 'manage', project);
    const current = await this.store.getEnvironment(project, name);
    if (current.source === 'config')
      throw fromConfig('environment', `${project}/${name}`);
    return current;
  }

  // ---- the caller's own roles, for the frontend to hide what the backend would refuse

  async callerAccess(caller: Caller): Promise<Access> {
    const tenants = await this.store.listTenants();
    return {
      portalAdmin: caller.portalAdmin,
      tenants: tenants
        .filter(t => this.access.isMember(caller, t))
        .map(t => ({ tenant: t.name, admin: isTenantAdmin(caller, t) })),
    };
  }
}

/** A reference in a body that names nothing is the caller's input error (400), not a missing route (404). */
function inputNotFound(message: string) {
  return new InputError(message);
}
