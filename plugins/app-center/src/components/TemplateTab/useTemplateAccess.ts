import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { appCenterApiRef } from '../../api';

/**
 * Whether the signed-in user may edit the project's templates: portal admins and admins of the project's
 * tenant (DESIGN.md section 6). The frontend only hides; the backend refuses (403) whatever this says.
 */
export function useCanEditTemplates(project: string | undefined) {
  const api = useApi(appCenterApiRef);
  return useAsync(async () => {
    if (!project) return false;
    const access = await api.getAccess();
    if (access.portalAdmin) return true;
    const p = await api.getProject(project);
    return access.tenants.some(t => t.tenant === p.tenant && t.admin);
  }, [api, project]);
}
