import { CallerResolver } from './CallerResolver';
import { RegistryService } from '../registry';
import { AppCenterRouter } from '../schema/openapi/generated/router';

const queryString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * `GET /images/tags?image=&limit=&cursor=&q=` (DESIGN.md section 9): the tags of an image's repository,
 * newest first, paged. Any signed-in user may list tags (a user token is required; the deploy dialog shows
 * them to whoever may open it); App Center queries the configured registries and, unless
 * `appCenter.registryTags.onlyConfiguredRegistries`, public registries of the caller's own images. The query was validated against the OpenAPI document;
 * an unparsable image reference is a 400 before any registry is asked.
 */
export function addRegistryRoutes(
  router: AppCenterRouter,
  options: { registry: RegistryService; access: CallerResolver },
) {
  const { registry, access } = options;
  router.get('/images/tags', async (req, res) => {
    const caller = await access.caller(req);
    const limit = req.query.limit as unknown;
    res.json(
      await registry.listTags(queryString(req.query.image) ?? '', {
        limit: limit === undefined || limit === '' ? undefined : Number(limit),
        cursor: queryString(req.query.cursor),
        query: queryString(req.query.q),
        caller,
      }),
    );
  });
}
