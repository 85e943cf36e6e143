import { RegistryService } from '../registry';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { queryString, type ReadHandler } from './routeHandlers';

/**
 * `GET /images/tags?image=&limit=&cursor=&q=` (DESIGN.md section 9): the tags of an image's repository,
 * newest first, paged. Any signed-in user may list tags (a user token is required; the deploy dialog shows
 * them to whoever may open it); App Center queries the configured registries and, unless
 * `appCenter.registryTags.onlyConfiguredRegistries`, public registries of the caller's own images. The query was validated against the OpenAPI document;
 * an unparsable image reference is a 400 before any registry is asked.
 */
export function addRegistryRoutes(
  router: AppCenterRouter,
  registry: RegistryService,
  read: ReadHandler,
) {
  router.get('/images/tags', (req, res) => {
    const { query } = req;
    const limit = query.limit as unknown;
    const page = {
      limit: limit === undefined || limit === '' ? undefined : Number(limit),
      cursor: queryString(query.cursor),
      query: queryString(query.q),
    };
    return read(req, res, caller =>
      registry.listTags(queryString(query.image) ?? '', { ...page, caller }),
    );
  });
}
