import { NotFoundError } from '@backstage/errors';
import { RegistryUpstreamError } from './errors';
import { json } from './__testUtils__/fakeServer';
import {
  unauthorized,
  client,
  image,
  useFakeServers,
} from './__testUtils__/ociFakes';

describe('OciRegistryClient', () => {
  const start = useFakeServers();

  describe('errors', () => {
    it('says when anonymous access is refused and no credentials are configured (502)', async () => {
      const registry = await start((_req, res) =>
        unauthorized(res, 'Basic realm="r"'),
      );
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error).toBeInstanceOf(RegistryUpstreamError);
      expect(error.statusCode).toBe(502);
      expect(error.message).toBe(
        `registry ${registry.host} requires authentication for team/web (HTTP 401: UNAUTHORIZED: authentication required) and App Center has no credentials for it; add them under appCenter.registries (host ${registry.host})`,
      );
    });

    it('says the credentials were refused (502), without them in the message', async () => {
      const registry = await start((_req, res) =>
        unauthorized(res, 'Basic realm="r"'),
      );
      const error = await client([
        { host: registry.host, username: 'robot', password: 'hunter2' },
      ])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${registry.host} refused App Center's credentials for team/web \\(HTTP 401`,
        ),
      );
      expect(error.message).not.toMatch(/hunter2|robot/);
      expect(registry.requests).toHaveLength(2);
    });

    it('says the token service refused the credentials (502)', async () => {
      const auth = await start((_req, res) =>
        json(res, 401, { details: 'incorrect username or password' }),
      );
      const registry = await start((_req, res) =>
        unauthorized(res, `Bearer realm="${auth.url}/token",service="s"`),
      );
      const error = await client([
        { host: registry.host, username: 'robot', password: 'hunter2' },
      ])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        /^the token service of registry 127\.0\.0\.1:\d+ \(127\.0\.0\.1:\d+\) refused App Center's credentials \(HTTP 401/,
      );
      expect(error.message).not.toContain('hunter2');
    });

    it('maps 404 to "repository not found in registry"', async () => {
      const registry = await start((_req, res) =>
        json(res, 404, {
          errors: [
            {
              code: 'NAME_UNKNOWN',
              message: 'repository name not known to registry',
            },
          ],
        }),
      );
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toBe(
        `repository team/web not found in registry ${registry.host} (NAME_UNKNOWN: repository name not known to registry)`,
      );
    });

    it('maps a server error to 502 with its message', async () => {
      const registry = await start((_req, res) =>
        json(res, 500, { errors: [{ code: 'UNKNOWN', message: 'disk full' }] }),
      );
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        /^registry 127\.0\.0\.1:\d+ failed on GET tags\/list of team\/web \(HTTP 500\): UNKNOWN: disk full$/,
      );
    });

    it('answers 504 when the registry is too slow', async () => {
      const registry = await start(() => new Promise(() => undefined));
      const error = await client([{ host: registry.host }], { timeoutMs: 200 })
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(504);
      expect(error.message).toBe(
        `registry ${registry.host} did not answer GET tags/list of team/web within 200 ms`,
      );
    });

    it('answers 502 when the registry refuses the connection', async () => {
      const registry = await start(() => undefined);
      await registry.close();
      const error = await client([{ host: registry.host }])
        .listTags(image(registry))
        .catch(e => e);
      expect(error.statusCode).toBe(502);
      expect(error.message).toMatch(
        /^registry 127\.0\.0\.1:\d+ refused the connection during GET tags\/list/,
      );
    });

    it('does not follow a next page on another origin', async () => {
      const registry = await start((_req, res) =>
        json(
          res,
          200,
          { tags: ['a'] },
          {
            Link: '<https://elsewhere.example.com/v2/x/tags/list?last=a>; rel="next"',
          },
        ),
      );
      await expect(
        client([{ host: registry.host }]).listTags(image(registry)),
      ).rejects.toThrow(
        /pointed the next tags page at another origin \(https:\/\/elsewhere\.example\.com\); not followed/,
      );
    });
  });
});
