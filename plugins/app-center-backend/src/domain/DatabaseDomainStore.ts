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
import { KeyedTable } from './keyedTable';

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
  private readonly tenants: KeyedTable<TenantRow, Tenant, { name: string }>;
  private readonly projects: KeyedTable<ProjectRow, Project, { name: string }>;
  private readonly environments: KeyedTable<
    EnvironmentRow,
    Environment,
    { project: string; name: string }
  >;

  constructor(private readonly db: Knex) {
    this.tenants = new KeyedTable(db, {
      table: 'tenants',
      toModel: toTenant,
      name: k => ({ subject: `tenant "${k.name}"` }),
    });
    this.projects = new KeyedTable(db, {
      table: 'projects',
      toModel: toProject,
      name: k => ({ subject: `project "${k.name}"` }),
    });
    this.environments = new KeyedTable(db, {
      table: 'environments',
      toModel: toEnvironment,
      name: k => ({
        subject: `environment "${k.name}"`,
        scope: ` in project "${k.project}"`,
      }),
    });
  }

  /** Runs `fn` in one transaction, with a store bound to it. */
  async transaction<T>(fn: (store: DomainStore) => Promise<T>): Promise<T> {
    return this.db.transaction(tx => fn(new DatabaseDomainStore(tx)));
  }

  async listTenants(): Promise<Tenant[]> {
    const rows = await this.db<TenantRow>('tenants').orderBy('name');
    return rows.map(toTenant);
  }

  findTenant(name: string): Promise<Tenant | undefined> {
    return this.tenants.find({ name });
  }

  getTenant(name: string): Promise<Tenant> {
    return this.tenants.get({ name });
  }

  insertTenant(t: TenantRecord): Promise<Tenant> {
    return this.tenants.insert({ name: t.name }, tenantColumns(t));
  }

  updateTenant(t: TenantRecord): Promise<Tenant> {
    return this.tenants.update({ name: t.name }, tenantColumns(t));
  }

  deleteTenant(name: string): Promise<void> {
    return this.tenants.delete({ name });
  }

  async listProjects(filter: { tenants?: string[] } = {}): Promise<Project[]> {
    let q = this.db<ProjectRow>('projects').orderBy('name');
    if (filter.tenants) q = q.whereIn('tenant', filter.tenants);
    return (await q).map(toProject);
  }

  findProject(name: string): Promise<Project | undefined> {
    return this.projects.find({ name });
  }

  getProject(name: string): Promise<Project> {
    return this.projects.get({ name });
  }

  insertProject(p: ProjectRecord): Promise<Project> {
    return this.projects.insert({ name: p.name }, projectColumns(p));
  }

  updateProject(p: ProjectRecord): Promise<Project> {
    return this.projects.update({ name: p.name }, projectColumns(p));
  }

  deleteProject(name: string): Promise<void> {
    return this.projects.delete({ name });
  }

  async listEnvironments(project: string): Promise<Environment[]> {
    const rows = await this.db<EnvironmentRow>('environments')
      .where({ project })
      .orderBy('name');
    return rows.map(toEnvironment);
  }

  findEnvironment(
    project: string,
    name: string,
  ): Promise<Environment | undefined> {
    return this.environments.find({ project, name });
  }

  getEnvironment(project: string, name: string): Promise<Environment> {
    return this.environments.get({ project, name });
  }

  insertEnvironment(e: EnvironmentRecord): Promise<Environment> {
    return this.environments.insert(
      { project: e.project, name: e.name },
      environmentColumns(e),
    );
  }

  updateEnvironment(e: EnvironmentRecord): Promise<Environment> {
    return this.environments.update(
      { project: e.project, name: e.name },
      environmentColumns(e),
    );
  }

  deleteEnvironment(project: string, name: string): Promise<void> {
    return this.environments.delete({ project, name });
  }
}
