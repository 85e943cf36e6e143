import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type {
  DomainStore,
  EnvironmentRecord,
  ProjectRecord,
  TenantRecord,
} from './DomainStore';
import {
  validateEnvironment,
  validateProject,
  validateTenant,
} from './validateInput';

type Tenancy = {
  tenants: TenantRecord[];
  projects: ProjectRecord[];
  environments: EnvironmentRecord[];
};

/** Reads and validates `appCenter.tenants`; a bad entry fails start-up with its config path in the message. */
export function readConfigTenancy(
  config: Config,
  argocdInstances: string[],
): Tenancy {
  const out: Tenancy = { tenants: [], projects: [], environments: [] };
  const at = (path: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      throw new InputError(`${path}: ${(e as Error).message}`);
    }
  };
  const seenProjects = new Map<string, string>();
  const seenTenants = new Set<string>();
  (config.getOptionalConfigArray('appCenter.tenants') ?? []).forEach(
    (t, ti) => {
      const tPath = `appCenter.tenants[${ti}]`;
      const tRaw = t.get<Record<string, unknown>>();
      at(tPath, () => {
        const tenant = validateTenant(tRaw.name, tRaw, 'config');
        if (seenTenants.has(tenant.name))
          throw new Error(`tenant "${tenant.name}" is listed twice`);
        seenTenants.add(tenant.name);
        out.tenants.push(tenant);
      });
      (t.getOptionalConfigArray('projects') ?? []).forEach((p, pi) => {
        const pPath = `${tPath}.projects[${pi}]`;
        const pRaw: Record<string, unknown> = {
          ...p.get<Record<string, unknown>>(),
          tenant: tRaw.name,
        };
        at(pPath, () => {
          const project = validateProject(
            pRaw.name,
            pRaw,
            'config',
            argocdInstances,
          );
          const other = seenProjects.get(project.name);
          if (other)
            throw new Error(
              `project "${project.name}" is already listed at ${other}`,
            );
          seenProjects.set(project.name, pPath);
          out.projects.push(project);
        });
        const seenEnvs = new Set<string>();
        (p.getOptionalConfigArray('environments') ?? []).forEach((e, ei) => {
          const ePath = `${pPath}.environments[${ei}]`;
          const eRaw = e.get<Record<string, unknown>>();
          at(ePath, () => {
            const env = validateEnvironment(
              pRaw.name as string,
              eRaw.name,
              eRaw,
              'config',
            );
            if (seenEnvs.has(env.name))
              throw new Error(`environment "${env.name}" is listed twice`);
            seenEnvs.add(env.name);
            out.environments.push(env);
          });
        });
      });
    },
  );
  return out;
}

/** Whether a stored entry already says what the record says (its timestamps aside). */
function unchanged(
  stored: { createdAt: string; updatedAt: string },
  record: object,
): boolean {
  const { createdAt, updatedAt, ...rest } = stored;
  const canonical = (v: object) =>
    JSON.stringify(v, (_k, val) =>
      val && typeof val === 'object' && !Array.isArray(val)
        ? Object.fromEntries(
            Object.entries(val).sort(([a], [b]) => a.localeCompare(b)),
          )
        : val,
    );
  return canonical(rest) === canonical(record);
}

/**
 * Makes the database hold the tenancy of app-config, idempotently, in one transaction: config entries are
 * inserted or updated (and marked read-only), config entries that left the config are removed, unless
 * portal-made entries still hang under them, in which case they are kept and handed to the portal.
 */
export async function applyConfigTenancy(
  store: DomainStore,
  tenancy: Tenancy,
  logger: LoggerService,
): Promise<void> {
  await store.transaction(async tx => {
    for (const t of tenancy.tenants) {
      const current = await tx.findTenant(t.name);
      if (!current) await tx.insertTenant(t);
      else if (!unchanged(current, t)) {
        if (current.source !== 'config') {
          logger.info(`tenant "${t.name}" is now managed by app-config`);
        }
        await tx.updateTenant(t);
      }
    }
    for (const p of tenancy.projects) {
      const current = await tx.findProject(p.name);
      if (!current) await tx.insertProject(p);
      else if (!unchanged(current, p)) await tx.updateProject(p);
    }
    for (const e of tenancy.environments) {
      const current = await tx.findEnvironment(e.project, e.name);
      if (!current) await tx.insertEnvironment(e);
      else if (!unchanged(current, e)) await tx.updateEnvironment(e);
    }

    const wantedProjects = new Set(tenancy.projects.map(p => p.name));
    const wantedEnvs = new Set(
      tenancy.environments.map(e => `${e.project}/${e.name}`),
    );
    const wantedTenants = new Set(tenancy.tenants.map(t => t.name));
    const projects = await tx.listProjects();
    for (const p of projects) {
      for (const e of await tx.listEnvironments(p.name)) {
        if (e.source === 'config' && !wantedEnvs.has(`${p.name}/${e.name}`)) {
          await tx.deleteEnvironment(p.name, e.name);
          logger.info(
            `environment "${p.name}/${e.name}" left app-config and was removed`,
          );
        }
      }
      if (p.source === 'config' && !wantedProjects.has(p.name)) {
        if ((await tx.listEnvironments(p.name)).length) {
          await tx.updateProject({ ...p, source: 'portal' });
          logger.warn(
            `project "${p.name}" left app-config but still has environments made in the portal; it is kept and now editable in the portal`,
          );
        } else {
          await tx.deleteProject(p.name);
          logger.info(`project "${p.name}" left app-config and was removed`);
        }
      }
    }
    for (const t of await tx.listTenants()) {
      if (t.source !== 'config' || wantedTenants.has(t.name)) continue;
      if ((await tx.listProjects({ tenants: [t.name] })).length) {
        await tx.updateTenant({ ...t, source: 'portal' });
        logger.warn(
          `tenant "${t.name}" left app-config but still has projects; it is kept and now editable in the portal`,
        );
      } else {
        await tx.deleteTenant(t.name);
        logger.info(`tenant "${t.name}" left app-config and was removed`);
      }
    }
  });
}
