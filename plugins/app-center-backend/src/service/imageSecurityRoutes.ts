import { CallerResolver } from './CallerResolver';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import type { ImageSecurityService } from '../security';

/** `GET .../apps/{app}/image-security`: the findings of the images the app runs (readers of the project). */
export function addImageSecurityRoutes(
  router: AppCenterRouter,
  options: { security: ImageSecurityService; access: CallerResolver },
) {
  const { security, access } = options;
  router.get(
    '/projects/:project/environments/:env/apps/:app/image-security',
    async (req, res) => {
      const caller = await access.caller(req);
      const { project, env, app } = req.params;
      res.json(await security.report(caller, project, env, app));
    },
  );
}
