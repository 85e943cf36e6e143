import type { DomainStore } from '../domain/DomainStore';
import { AppCenterTarget } from './rules';

/**
 * Loads the resources behind permission resource refs (`<project>` or `<project>/<env>`) for the permission
 * backend's conditional decisions. Unknown refs load as undefined, which the framework treats as a deny.
 */
export function createTargetLoader(
  store: Pick<DomainStore, 'findProject' | 'findEnvironment'>,
) {
  return async (refs: string[]): Promise<Array<AppCenterTarget | undefined>> =>
    Promise.all(
      refs.map(async ref => {
        const [projectName, envName, ...rest] = ref.split('/');
        if (!projectName || rest.length) return undefined;
        const project = await store.findProject(projectName);
        if (!project) return undefined;
        if (envName === undefined)
          return { tenant: project.tenant, project: project.name };
        const env = await store.findEnvironment(projectName, envName);
        if (!env) return undefined;
        return {
          tenant: project.tenant,
          project: project.name,
          environment: {
            name: env.name,
            kind: env.kind,
            protected: env.protected,
          },
        };
      }),
    );
}
