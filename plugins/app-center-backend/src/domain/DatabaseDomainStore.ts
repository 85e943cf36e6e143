import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  EntrySource,
  Environment,
  Project,
  Tenant,
} from '@internal/plugin-app-center-common';
import { Knex } from 'knex';
import type {
  DomainStore,
  EnvironmentRecord,
  ProjectRecord,
  TenantRecord,
} from './DomainStore';

type TenantRow = {
  name: string;
  title: string;
  groups: string;
  admin_groups: string;
  source: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type ProjectRow = {
  name: string;
  tenant: string;
  title: string;
  description: string;
  repo_url: string;
  repo_branch: string;
  repo_dir: string;
  argocd_instance: string;
  argocd_project: string;
  allow_cluster_scoped: boolean | number;
  source: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type EnvironmentRow = {
  project: string;
  name: string;
  title: string;
  kind: string;
  destination_name: string | null;
  destination_server: string | null;
  namespace: string;
  protected: boolean | number;
  deployer_groups: string;
  cluster: string | null;
  source: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const iso = (v: Date | string) => new Date(v).toISOString();

function toTenant(r: TenantRow): Tenant {
  return {
    name: r.name,
    title: r.title,
    groups: JSON.parse(r.groups),
    adminGroups: JSON.parse(r.admin_groups),
    source: r.source as EntrySource,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function toProject(r: ProjectRow): Project {
  return {
    name: r.name,
    tenant: r.tenant,
    title: r.title,
    description: r.description,
    repo: { url: r.repo_url, branch: r.repo_branch, dir: r.repo_dir },
    argocd: { instance: r.argocd_instance, project: r.argocd_project },
    allowClusterScoped: Boolean(r.allow_cluster_scoped),
    source: r.source as EntrySource,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function toEnvironment(r: EnvironmentRow): Environment {
  const destination: Environment['destination'] = { namespace: r.namespace };
  if (r.destination_name) destination.name = r.destination_name;
  if (r.destination_server) destination.server = r.destination_server;
  const env: Environment = {
    name: r.name,
    project: r.project,
    title: r.title,
    kind: r.kind as Environment['kind'],
    destination,
    protected: Boolean(r.protected),
    deployerGroups: JSON.parse(r.deployer_groups),
    source: r.source as EntrySource,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
  if (r.cluster) env.cluster = r.cluster;
  return env;
}

const tenantColumns = (t: TenantRecord) => ({
  title: t.title,
  groups: JSON.stringify(t.groups),
  admin_groups: JSON.stringify(t.adminGroups),
  source: t.source,
});

const projectColumns = (p: ProjectRecord) => ({
  tenant: p.tenant,
  title: p.title,
  description: p.description,
  repo_url: p.repo.url,
  repo_branch: p.repo.branch,
  repo_dir: p.repo.dir,
  argocd_instance: p.argocd.instance,
  argocd_project: p.argocd.project,
  allow_cluster_scoped: p.allowClusterScoped,
  source: p.source,
});

const environmentColumns = (e: EnvironmentRecord) => ({
  title: e.title,
  kind: e.kind,
  destination_name: e.destination.name ?? null,
  destination_server: e.destination.server ?? null,
  namespace: e.destination.namespace,
  protected: e.protected,
  deployer_groups: JSON.stringify(e.deployerGroups),
  cluster: e.cluster ?? null,
  source: e.source,
});

/** Tenants, projects and environments in the plugin's database (see {@link DomainStore}). */
export class DatabaseDomainStore implements DomainStore {
  constructor(private readonly db: Knex) {}

  /** Runs `fn` in one transaction, with a store bound to it. */
  async transaction<T>(fn: (store: DomainStore) => Promise<T>): Promise<T> {
    return this.db.transaction(tx => fn(new DatabaseDomainStore(tx)));
  }

  async listTenants(): Promise<Tenant[]> {
    const rows = await this.db<TenantRow>('tenants').orderBy('name');
    return rows.map(toTenant);
  }

  async findTenant(name: string): Promise<Tenant | undefined> {
    const row = await this.db<TenantRow>('tenants').where({ name }).first();
    return row ? toTenant(row) : undefined;
  }

  async getTenant(name: string): Promise<Tenant> {
    const tenant = await this.findTenant(name);
    if (!tenant) throw new NotFoundError(`tenant "${name}" does not exist`);
    return tenant;
  }

  async insertTenant(t: TenantRecord): Promise<Tenant> {
    const now = new Date();
    await this.insertUnique(
      'tenants',
      { name: t.name, ...tenantColumns(t), created_at: now, updated_at: now },
      `tenant "${t.name}" already exists`,
    );
    return this.getTenant(t.name);
  }

  async updateTenant(t: TenantRecord): Promise<Tenant> {
    const n = await this.db('tenants')
      .where({ name: t.name })
      .update({ ...tenantColumns(t), updated_at: new Date() });
    if (!n) throw new NotFoundError(`tenant "${t.name}" does not exist`);
    return this.getTenant(t.name);
  }

  async deleteTenant(name: string): Promise<void> {
    await this.db('tenants').where({ name }).delete();
  }

  async listProjects(filter: { tenants?: string[] } = {}): Promise<Project[]> {
    let q = this.db<ProjectRow>('projects').orderBy('name');
    if (filter.tenants) q = q.whereIn('tenant', filter.tenants);
    return (await q).map(toProject);
  }

  async findProject(name: string): Promise<Project | undefined> {
    const row = await this.db<ProjectRow>('projects').where({ name }).first();
    return row ? toProject(row) : undefined;
  }

  async getProject(name: string): Promise<Project> {
    const project = await this.findProject(name);
    if (!project) throw new NotFoundError(`project "${name}" does not exist`);
    return project;
  }

  async insertProject(p: ProjectRecord): Promise<Project> {
    const now = new Date();
    await this.insertUnique(
      'projects',
      { name: p.name, ...projectColumns(p), created_at: now, updated_at: now },
      `project "${p.name}" already exists`,
    );
    return this.getProject(p.name);
  }

  async updateProject(p: ProjectRecord): Promise<Project> {
    const n = await this.db('projects')
      .where({ name: p.name })
      .update({ ...projectColumns(p), updated_at: new Date() });
    if (!n) throw new NotFoundError(`project "${p.name}" does not exist`);
    return this.getProject(p.name);
  }

  async deleteProject(name: string): Promise<void> {
    await this.db('projects').where({ name }).delete();
  }

  async listEnvironments(project: string): Promise<Environment[]> {
    const rows = await this.db<EnvironmentRow>('environments')
      .where({ project })
      .orderBy('name');
    return rows.map(toEnvironment);
  }

  async findEnvironment(
    project: string,
    name: string,
  ): Promise<Environment | undefined> {
    const row = await this.db<EnvironmentRow>('environments')
      .where({ project, name })
      .first();
    return row ? toEnvironment(row) : undefined;
  }

  async getEnvironment(project: string, name: string): Promise<Environment> {
    const env = await this.findEnvironment(project, name);
    if (!env) {
      throw new NotFoundError(
        `environment "${name}" does not exist in project "${project}"`,
      );
    }
    return env;
  }

  async insertEnvironment(e: EnvironmentRecord): Promise<Environment> {
    const now = new Date();
    await this.insertUnique(
      'environments',
      {
        project: e.project,
        name: e.name,
        ...environmentColumns(e),
        created_at: now,
        updated_at: now,
      },
      `environment "${e.name}" already exists in project "${e.project}"`,
    );
    return this.getEnvironment(e.project, e.name);
  }

  async updateEnvironment(e: EnvironmentRecord): Promise<Environment> {
    const n = await this.db('environments')
      .where({ project: e.project, name: e.name })
      .update({ ...environmentColumns(e), updated_at: new Date() });
    if (!n) {
      throw new NotFoundError(
        `environment "${e.name}" does not exist in project "${e.project}"`,
      );
    }
    return this.getEnvironment(e.project, e.name);
  }

  async deleteEnvironment(project: string, name: string): Promise<void> {
    await this.db('environments').where({ project, name }).delete();
  }

  private async insertUnique(
    table: string,
    row: Record<string, unknown>,
    duplicateMessage: string,
  ): Promise<void> {
    try {
      await this.db(table).insert(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(duplicateMessage);
      throw e;
    }
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' || // PostgreSQL unique_violation
    err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(err?.message ?? '')
  );
}
