import { AppCenterRouter } from '../schema/openapi/generated/router';
import type { ImageSecurityService } from '../security';
import type { ReadHandler } from './routeHandlers';

/** `GET .../apps/{app}/image-security`: the findings of the images the app runs (readers of the project). */
export function addImageSecurityRoutes(
  router: AppCenterRouter,
  security: ImageSecurityService,
  read: ReadHandler,
) {
  router.get(
    '/projects/:project/environments/:env/apps/:app/image-security',
    (req, res) => {
      const { project, env, app } = req.params;
      return read(req, res, caller =>
        security.report(caller, project, env, app),
      );
    },
  );
}
