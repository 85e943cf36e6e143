import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type { Environment } from '@internal/plugin-app-center-common';
import { appCenterApiRef } from '../../api';
import { protectedReason } from './EnvironmentLabel';

/** Whether the user may change apps of an environment, and why not. */
export interface DeployAccess {
  canDeploy: boolean;
  reason?: string;
}

/**
 * The frontend's view of DESIGN.md section 6, to hide or disable what the backend would refuse:
 * members of the project's tenant may change apps of unprotected environments; protected ones need a
 * deployer group or the tenant's admin role. The backend decides in the end (403 with its reason).
 */
export function useDeployAccess(project: string, env?: Environment) {
  const api = useApi(appCenterApiRef);
  const identityApi = useApi(identityApiRef);
  return useAsync(async (): Promise<DeployAccess> => {
    if (!env) return { canDeploy: false, reason: 'Loading…' };
    const [access, projectInfo, identity] = await Promise.all([
      api.getAccess(),
      api.getProject(project),
      identityApi.getBackstageIdentity(),
    ]);
    const role = access.tenants.find(t => t.tenant === projectInfo.tenant);
    if (!role) {
      return {
        canDeploy: false,
        reason: `You are not a member of tenant ${projectInfo.tenant}, which owns project ${project}.`,
      };
    }
    if (!env.protected || role.admin) return { canDeploy: true };
    const mine = new Set(
      identity.ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US')),
    );
    if (env.deployerGroups.some(g => mine.has(g.toLocaleLowerCase('en-US')))) {
      return { canDeploy: true };
    }
    return {
      canDeploy: false,
      reason: `${env.name} is protected. ${protectedReason(env)}.`,
    };
  }, [api, identityApi, project, env]);
}
