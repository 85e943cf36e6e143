import type {
  Environment,
  Project,
  Tenant,
} from '@internal/plugin-app-center-common';

/** What a create or update stores: the entry without its timestamps. */
export type TenantRecord = Omit<Tenant, 'createdAt' | 'updatedAt'>;
export type ProjectRecord = Omit<Project, 'createdAt' | 'updatedAt'>;
export type EnvironmentRecord = Omit<Environment, 'createdAt' | 'updatedAt'>;

/**
 * Tenants, projects and environments as they are kept: plain persistence (validation and access rules live in
 * DomainService). `get*` throw NotFoundError, `find*` answer undefined; inserts refuse duplicates with
 * ConflictError, also when two replicas race; updates of a missing entry are a NotFoundError.
 */
export interface DomainStore {
  /** Runs `fn` in one transaction, with a store bound to it. */
  transaction<T>(fn: (store: DomainStore) => Promise<T>): Promise<T>;

  listTenants(): Promise<Tenant[]>;
  findTenant(name: string): Promise<Tenant | undefined>;
  getTenant(name: string): Promise<Tenant>;
  insertTenant(t: TenantRecord): Promise<Tenant>;
  updateTenant(t: TenantRecord): Promise<Tenant>;
  deleteTenant(name: string): Promise<void>;

  listProjects(filter?: { tenants?: string[] }): Promise<Project[]>;
  findProject(name: string): Promise<Project | undefined>;
  getProject(name: string): Promise<Project>;
  insertProject(p: ProjectRecord): Promise<Project>;
  updateProject(p: ProjectRecord): Promise<Project>;
  deleteProject(name: string): Promise<void>;

  listEnvironments(project: string): Promise<Environment[]>;
  findEnvironment(
    project: string,
    name: string,
  ): Promise<Environment | undefined>;
  getEnvironment(project: string, name: string): Promise<Environment>;
  insertEnvironment(e: EnvironmentRecord): Promise<Environment>;
  updateEnvironment(e: EnvironmentRecord): Promise<Environment>;
  deleteEnvironment(project: string, name: string): Promise<void>;
}
