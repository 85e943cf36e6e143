import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { defaultRegistryTagsConfig, RegistryHostConfig } from './config';
import { ImageTag, RegistryService } from './RegistryService';
import {
  generateSigningKey,
  htpasswdLine,
  PushedImage,
  pushImages,
  REGISTRY_SERVICE,
  RunningRegistry,
  startCountingProxy,
  startDistributionRegistry,
  startTokenIssuer,
  tempDir,
  TOKEN_ISSUER,
} from './__testUtils__/distributionRegistry';

/*
 * Tag listing against a real registry (Debian's docker-registry, the CNCF distribution registry), once
 * with htpasswd (Basic) authentication and once with Bearer tokens from a token issuer, with more tags
 * than one page.
 */
jest.setTimeout(180_000);

const USER = 'ci-robot';
const PASSWORD = 'correct horse battery staple';
const REPOSITORY = 'team/app';
const TAG_COUNT = 120;
const base = Date.UTC(2024, 0, 1);

/** Tags 1.0.1 ... 1.0.120, each created a minute after the previous, except that 1.0.118 was rebuilt last. */
function images() {
  return Array.from({ length: TAG_COUNT }, (_, i) => {
    const n = i + 1;
    const minute = n === 118 ? 500 : n;
    return {
      tag: `1.0.${n}`,
      created: new Date(base + minute * 60_000).toISOString(),
    };
  });
}

type Mode = {
  name: string;
  start(dir: string): Promise<{
    registry: RunningRegistry;
    pushAuthorization: () => Promise<string>;
    tokenRequests?: () => number;
    stop(): Promise<void>;
  }>;
};

const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

const modes: Mode[] = [
  {
    name: 'htpasswd (Basic)',
    async start(dir) {
      fs.writeFileSync(
        path.join(dir, 'htpasswd'),
        `${htpasswdLine(USER, PASSWORD)}\n`,
      );
      const registry = await startDistributionRegistry(
        dir,
        [
          '  htpasswd:',
          '    realm: app-center-test',
          `    path: ${path.join(dir, 'htpasswd')}`,
        ].join('\n'),
      );
      return {
        registry,
        pushAuthorization: async () => basic,
        stop: () => registry.stop(),
      };
    },
  },
  {
    name: 'Bearer tokens',
    async start(dir) {
      const key = generateSigningKey(dir);
      const issuer = await startTokenIssuer({
        keyPem: key.keyPem,
        certPem: key.certPem,
        users: { [USER]: PASSWORD },
      });
      const registry = await startDistributionRegistry(
        dir,
        [
          '  token:',
          `    realm: ${issuer.url}/token`,
          `    service: ${REGISTRY_SERVICE}`,
          `    issuer: ${TOKEN_ISSUER}`,
          `    rootcertbundle: ${key.certPath}`,
        ].join('\n'),
      );
      return {
        registry,
        pushAuthorization: async () => {
          const res = await fetch(
            `${issuer.url}/token?service=${REGISTRY_SERVICE}&scope=repository:${REPOSITORY}:pull,push`,
            { headers: { Authorization: basic } },
          );
          return `Bearer ${(await res.json()).token}`;
        },
        tokenRequests: () =>
          issuer.requests.filter(
            r =>
              r.user === USER &&
              r.url.includes('pull') &&
              !r.url.includes('push'),
          ).length,
        stop: async () => {
          await registry.stop();
          await issuer.close();
        },
      };
    },
  },
];

describe.each(modes)('registry tags from docker-registry with $name', mode => {
  let env: Awaited<ReturnType<Mode['start']>>;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let temp: ReturnType<typeof tempDir>;
  let pushed: PushedImage[];

  beforeAll(async () => {
    temp = tempDir('app-center-registry-');
    env = await mode.start(temp.dir);
    pushed = await pushImages({
      registryUrl: env.registry.url,
      repository: REPOSITORY,
      authorization: await env.pushAuthorization(),
      images: images(),
    });
    proxy = await startCountingProxy(env.registry.url, { pageTags: true });
  });
  afterAll(async () => {
    await proxy?.close();
    await env?.stop();
    temp?.remove();
  });

  const service = (credentials: Partial<RegistryHostConfig>) =>
    new RegistryService({
      config: {
        registries: [{ host: proxy.host, insecure: true, ...credentials }],
        tags: { ...defaultRegistryTagsConfig, registryPageSize: 50 },
      },
      providers: [],
      logger: mockServices.logger.mock(),
    });
  const image = (repository = REPOSITORY) =>
    `${proxy.host}/${repository}:1.0.1`;
  const tagListRequests = () =>
    proxy.requests.filter(r => r.url.includes('/tags/list'));

  it('lists all the tags across pages, newest first, and answers again from its cache', async () => {
    const registry = service({ username: USER, password: PASSWORD });
    const before = proxy.requests.length;
    const items: ImageTag[] = [];
    let cursor: string | undefined;
    const orders: string[] = [];
    const requestsPerPage: number[] = [];
    do {
      const count = proxy.requests.length;
      const page = await registry.listTags(image(), { limit: 50, cursor });
      requestsPerPage.push(proxy.requests.length - count);
      expect(page.total).toBe(TAG_COUNT);
      orders.push(`${page.order.by} ${page.order.createdResolved}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    // Three pages, each saying how the whole listing was ordered.
    expect(orders).toEqual(Array(3).fill('created-window 50'));
    const newestFirst = [...pushed].sort((a, b) =>
      b.created.localeCompare(a.created),
    );
    expect(items.map(t => t.tag)).toEqual(newestFirst.map(p => p.tag));
    // 1.0.118 was rebuilt last: the creation time, not the name, put it first.
    expect(items.slice(0, 3).map(t => t.tag)).toEqual([
      '1.0.118',
      '1.0.120',
      '1.0.119',
    ]);
    const rebuilt = pushed.find(p => p.tag === '1.0.118')!;
    expect(items[0]).toEqual({
      tag: '1.0.118',
      digest: rebuilt.digest,
      createdAt: rebuilt.created,
      publishable: true,
    });
    // Tags beyond the first page's window were not looked up.
    expect(items[50]).toEqual({ tag: '1.0.70', publishable: true });

    // The registry's tags/list was read through its Link pages (50 + 50 + 20, in the registry's lexical
    // order), once.
    const lexical = pushed.map(p => p.tag).sort();
    const lists = tagListRequests().filter(r => r.status === 200);
    expect(lists.map(r => new URL(r.url, 'http://x').search)).toEqual([
      '?n=50',
      `?last=${lexical[49]}&n=50`,
      `?last=${lexical[99]}&n=50`,
    ]);
    // Only the first page cost registry requests; the next pages came from the cached order.
    expect(requestsPerPage[0]).toBeGreaterThan(0);
    expect(requestsPerPage.slice(1)).toEqual([0, 0]);
    // With Bearer tokens: one token for the whole listing (cached until it expires).
    expect(env.tokenRequests?.() ?? 1).toBe(1);

    // A second listing within the cache time makes no registry request.
    const count = proxy.requests.length;
    const again = await registry.listTags(image(), { limit: 50 });
    expect(again.items.map(t => t.tag)).toEqual(
      items.slice(0, 50).map(t => t.tag),
    );
    expect(proxy.requests.length).toBe(count);
    expect(proxy.requests.length - before).toBe(requestsPerPage[0]);
  });

  it('refuses anonymous access with a clear error when no credentials are configured', async () => {
    const error = await service({})
      .listTags(image())
      .catch(e => e);
    expect(error.statusCode).toBe(502);
    expect(error.message).toMatch(
      new RegExp(
        `^registry ${proxy.host.replace(
          /\./g,
          '\\.',
        )} requires authentication for team/app \\(HTTP 401: UNAUTHORIZED: .+\\) and App Center has no credentials for it; add them under appCenter\\.registries \\(host ${proxy.host.replace(
          /\./g,
          '\\.',
        )}\\)$`,
      ),
    );
  });

  it('says the credentials were refused (502) for a wrong password, without the password', async () => {
    const error = await service({ username: USER, password: 'wrong password' })
      .listTags(image())
      .catch(e => e);
    expect(error.statusCode).toBe(502);
    expect(error.message).toMatch(/refused App Center's credentials/);
    expect(error.message).toContain(proxy.host);
    expect(error.message).not.toContain('wrong password');
    expect(error.message).not.toContain(PASSWORD);
  });

  it('answers 404 for a repository the registry does not have', async () => {
    const error = await service({ username: USER, password: PASSWORD })
      .listTags(image('team/missing'))
      .catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(
      new RegExp(
        `^repository team/missing not found in registry ${proxy.host.replace(
          /\./g,
          '\\.',
        )} \\(NAME_UNKNOWN`,
      ),
    );
  });
});
