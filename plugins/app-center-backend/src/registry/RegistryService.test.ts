import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import type {
  RegistryImage,
  RegistryProvider,
} from '@internal/plugin-app-center-node';
import { defaultRegistryTagsConfig, RegistryTagsConfig } from './config';
import { OciRegistryClient, OciTagInfo } from './OciRegistryClient';
import { RegistryService } from './RegistryService';
import { RegistryUpstreamError } from './errors';
import type { AddressLookup } from './hostPolicy';
import type { ProjectRegistries } from './projectRegistries';
import type { Caller } from '../domain/Caller';
import { compareNewestLooking } from './tagOrder';

/** An OCI client stub: tags per repository, creation times per tag, counting calls. */
function stubOci(
  repos: Record<string, string[]>,
  created: Record<string, string | Error> = {},
) {
  const calls = { listTags: 0, tagInfo: [] as string[] };
  const oci = {
    listTags: async (image: RegistryImage) => {
      calls.listTags++;
      return repos[`${image.host}/${image.repository}`] ?? [];
    },
    tagInfo: async (
      _image: RegistryImage,
      tag: string,
    ): Promise<OciTagInfo> => {
      calls.tagInfo.push(tag);
      const c = created[tag];
      if (c instanceof Error) throw c;
      return { digest: `sha256:${tag}`, ...(c ? { createdAt: c } : {}) };
    },
  } as unknown as OciRegistryClient;
  return { oci, calls };
}

function service(options: {
  oci: OciRegistryClient;
  providers?: RegistryProvider[];
  tags?: Partial<RegistryTagsConfig>;
  hosts?: string[];
  projectRegistries?: ProjectRegistries;
  lookup?: AddressLookup;
}) {
  return new RegistryService({
    projectRegistries: options.projectRegistries,
    lookup: options.lookup,
    config: {
      // The registry of REPO is configured unless a test says otherwise.
      registries: (options.hosts ?? ['registry.example.com']).map(host => ({
        host,
        insecure: false,
      })),
      tags: { ...defaultRegistryTagsConfig, ...options.tags },
    },
    providers: options.providers ?? [],
    logger: mockServices.logger.mock(),
    oci: options.oci,
  });
}

const REPO = 'registry.example.com/team/web';
const at = (minute: number) =>
  new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();

describe('RegistryService.listTags (OCI)', () => {
  it('orders the first page by creation time, the rest by name, and pages with a cursor', async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `1.0.${i + 1}`);
    // 1.0.10 was built last (a rebuild), 1.0.12 before it.
    const created = Object.fromEntries(tags.map((t, i) => [t, at(i + 1)]));
    created['1.0.10'] = at(100);
    const { oci, calls } = stubOci({ [REPO]: [...tags].reverse() }, created);
    const registry = service({ oci });

    const first = await registry.listTags(`${REPO}:1.0.1`, { limit: 5 });
    expect(first.items.map(t => t.tag)).toEqual([
      '1.0.10',
      '1.0.12',
      '1.0.11',
      '1.0.9',
      '1.0.8',
    ]);
    expect(first.items[0]).toEqual({
      tag: '1.0.10',
      digest: 'sha256:1.0.10',
      createdAt: at(100),
      publishable: true,
    });
    expect(first).toMatchObject({
      repository: REPO,
      source: 'oci',
      total: 12,
      order: { by: 'created-window', createdResolved: 5 },
    });
    expect(first.order.description).toBe(
      'the 5 newest-looking tags (by name) were looked up in the registry and come first, ordered by creation time (known for 5); the remaining 7 follow by name, newest-looking first',
    );
    // Only the first page's tags were looked up.
    expect(calls.tagInfo.sort()).toEqual([
      '1.0.10',
      '1.0.11',
      '1.0.12',
      '1.0.8',
      '1.0.9',
    ]);

    const second = await registry.listTags(REPO, {
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(second.items.map(t => t.tag)).toEqual([
      '1.0.7',
      '1.0.6',
      '1.0.5',
      '1.0.4',
      '1.0.3',
    ]);
    expect(second.items[0]).toEqual({ tag: '1.0.7', publishable: true });
    const third = await registry.listTags(REPO, {
      limit: 5,
      cursor: second.nextCursor,
    });
    expect(third.items.map(t => t.tag)).toEqual(['1.0.2', '1.0.1']);
    expect(third.nextCursor).toBeUndefined();
    // The ordering was computed once and reused for the next pages.
    expect(calls.listTags).toBe(1);
    expect(calls.tagInfo).toHaveLength(5);
  });

  it('looks up at most maxCreatedLookups tags', async () => {
    const tags = Array.from({ length: 30 }, (_, i) => `b${i}`);
    const { oci, calls } = stubOci(
      { [REPO]: tags },
      Object.fromEntries(tags.map((t, i) => [t, at(i)])),
    );
    const page = await service({
      oci,
      tags: { maxCreatedLookups: 4 },
    }).listTags(REPO, { limit: 10 });
    expect(calls.tagInfo).toHaveLength(4);
    expect(page.order.createdResolved).toBe(4);
    expect(page.items.map(t => t.tag).slice(0, 6)).toEqual([
      'b29',
      'b28',
      'b27',
      'b26',
      'b25',
      'b24',
    ]);
  });

  it('keeps a tag whose creation time cannot be read, and says so', async () => {
    const { oci } = stubOci(
      { [REPO]: ['2', '1', '3'] },
      { '3': at(1), '2': new Error('manifest unknown'), '1': at(5) },
    );
    const page = await service({ oci }).listTags(REPO);
    expect(page.items.map(t => t.tag)).toEqual(['1', '3', '2']);
    expect(page.order.description).toContain('1 of them could not be read');
  });

  it('orders by name when the registry gives no times', async () => {
    const { oci } = stubOci({
      [REPO]: ['v1.9.0', 'latest', 'v1.10.0', 'v1.10.0-rc1'],
    });
    const page = await service({ oci }).listTags(REPO);
    expect(page.items.map(t => t.tag)).toEqual([
      'latest',
      'v1.10.0',
      'v1.10.0-rc1',
      'v1.9.0',
    ]);
    expect(page.order).toMatchObject({ by: 'name', createdResolved: 0 });
  });

  it('filters with q before ordering and paging', async () => {
    const { oci } = stubOci({
      [REPO]: ['main-3', 'main-1', 'feature-2', 'main-2'],
    });
    const registry = service({ oci });
    const page = await registry.listTags(REPO, { query: 'MAIN', limit: 2 });
    expect(page.items.map(t => t.tag)).toEqual(['main-3', 'main-2']);
    expect(page.total).toBe(3);
    await expect(
      registry.listTags(REPO, { query: 'feature', cursor: page.nextCursor }),
    ).rejects.toThrow('cursor belongs to a listing with another filter');
  });

  it('refuses bad input before asking any registry', async () => {
    const { oci, calls } = stubOci({});
    const registry = service({ oci });
    await expect(registry.listTags('Not An Image!')).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(
      registry.listTags('registry.example.com/UPPER/case'),
    ).rejects.toThrow(
      /invalid image reference "registry.example.com\/UPPER\/case"/,
    );
    await expect(
      registry.listTags(REPO, { cursor: 'garbage' }),
    ).rejects.toThrow(/cursor is not one this API returned/);
    await expect(registry.listTags(REPO, { limit: 0 })).rejects.toThrow(
      /limit must be/,
    );
    expect(calls.listTags).toBe(0);
  });

  it('only queries configured registries when asked to', async () => {
    const { oci, calls } = stubOci({ [REPO]: ['1'] });
    const registry = service({
      oci,
      tags: { onlyConfiguredRegistries: true },
      hosts: ['registry.example.com'],
    });
    expect((await registry.listTags(REPO)).items).toHaveLength(1);
    await expect(
      registry.listTags('other.example.com/team/web'),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(calls.listTags).toBe(1);
  });
});

describe('RegistryService: which registries a caller may make it query', () => {
  const caller = { userEntityRef: 'user:default/alice' } as Caller;
  const dns: Record<string, string[]> = {
    'images.example.org': ['93.184.216.34'],
    'internal.example.org': ['192.168.1.10'],
    'sneaky.example.org': ['93.184.216.35', '127.0.0.1'],
  };
  const lookup: AddressLookup = async name => {
    if (!dns[name]) throw new Error(`getaddrinfo ENOTFOUND ${name}`);
    return dns[name];
  };
  // Every host below is in Alice's projects except other.example.com.
  const projectRegistries: ProjectRegistries = async () =>
    new Set([
      'images.example.org',
      'internal.example.org',
      'sneaky.example.org',
      'nowhere.example.org',
      '127.0.0.1:5000',
      '169.254.169.254',
      '10.1.2.3:5000',
      '[::1]:5000',
    ]);

  it('asks an unconfigured registry only when the caller uses it and it is public', async () => {
    const { oci, calls } = stubOci({ 'images.example.org/team/web': ['1'] });
    const registry = service({ oci, projectRegistries, lookup });
    const page = await registry.listTags('images.example.org/team/web', {
      caller,
    });
    expect(page.items.map(t => t.tag)).toEqual(['1']);
    for (const image of [
      'other.example.com/team/web',
      '127.0.0.1:5000/x',
      '169.254.169.254/latest/meta-data',
      '10.1.2.3:5000/x',
      '[::1]:5000/x',
      'internal.example.org/x',
      'sneaky.example.org/x',
      'nowhere.example.org/x',
    ]) {
      await expect(registry.listTags(image, { caller })).rejects.toThrow(
        /is not one App Center may query/,
      );
    }
    // Without a caller (or with onlyConfiguredRegistries) only configured hosts are asked.
    await expect(
      registry.listTags('images.example.org/team/web'),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      service({
        oci,
        projectRegistries,
        lookup,
        tags: { onlyConfiguredRegistries: true },
      }).listTags('images.example.org/team/web', { caller }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(calls.listTags).toBe(1);
  });

  it('asks a configured registry on a private address, and shows its network errors in full', async () => {
    const refused = new RegistryUpstreamError(
      'registry 127.0.0.1:5000 refused the connection (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5000)',
      { registry: '127.0.0.1:5000' },
    );
    const failing = {
      listTags: async () => {
        throw refused;
      },
    } as unknown as OciRegistryClient;
    const configured = service({
      oci: failing,
      hosts: ['127.0.0.1:5000'],
      lookup,
    });
    await expect(configured.listTags('127.0.0.1:5000/x')).rejects.toBe(refused);

    // The same failure of a registry nobody configured says only that it could not be reached.
    const unconfigured = service({ oci: failing, projectRegistries, lookup });
    const error = await unconfigured
      .listTags('images.example.org/x', { caller })
      .catch(e => e);
    expect(error).toBeInstanceOf(RegistryUpstreamError);
    expect(error.message).toBe(
      'registry images.example.org could not be reached or did not answer as a registry',
    );
  });
});

describe('RegistryService with providers', () => {
  const image = 'harbor.example.com/shop/web:1';

  const lister = (): RegistryProvider & { listed: number; asked: string[] } => {
    const p = {
      id: 'harbor',
      listed: 0,
      asked: [] as string[],
      matches: (host: string) => host === 'harbor.example.com',
      listTags: async () => {
        p.listed++;
        return [
          { tag: 'old', createdAt: at(1), labels: [] },
          {
            tag: 'new',
            createdAt: at(3),
            digest: 'sha256:n',
            labels: ['qa-passed'],
            publishable: true,
          },
          {
            tag: 'broken',
            createdAt: at(2),
            labels: ['unpublishable'],
            publishable: false,
            reason: 'label unpublishable',
          },
        ];
      },
      tagLabels: async (_i: RegistryImage, tag: string) => {
        p.asked.push(tag);
        return { publishable: tag !== 'old', reason: 'too old', labels: [] };
      },
    };
    return p;
  };

  it('lists through the matching provider, ordered by its times, and decorates the rest', async () => {
    const { oci, calls } = stubOci({});
    const harbor = lister();
    const page = await service({ oci, providers: [harbor] }).listTags(image);
    expect(page.source).toBe('harbor');
    expect(page.order).toEqual({
      by: 'created',
      createdResolved: 3,
      description: 'ordered by creation time, newest first',
    });
    expect(page.items).toEqual([
      {
        tag: 'new',
        digest: 'sha256:n',
        createdAt: at(3),
        labels: ['qa-passed'],
        publishable: true,
      },
      {
        tag: 'broken',
        createdAt: at(2),
        labels: ['unpublishable'],
        publishable: false,
        reason: 'label unpublishable',
      },
      { tag: 'old', createdAt: at(1), publishable: false, reason: 'too old' },
    ]);
    // Tags the provider listed with their publishability were not asked about again.
    expect(harbor.asked).toEqual(['old']);
    expect(calls.listTags).toBe(0);
  });

  it('uses OCI for hosts no provider matches, and a decorating provider on top of OCI', async () => {
    const { oci, calls } = stubOci({ [REPO]: ['a', 'b'] });
    const decorator: RegistryProvider = {
      id: 'policy',
      matches: host => host.endsWith('example.com'),
      tagLabels: async (_i, tag) =>
        tag === 'a'
          ? {
              publishable: false,
              reason: 'quarantined',
              labels: ['quarantine'],
            }
          : undefined,
    };
    const page = await service({
      oci,
      providers: [lister(), decorator],
    }).listTags(REPO);
    expect(page.source).toBe('oci');
    expect(
      page.items.map(t => [t.tag, t.publishable, t.reason, t.labels]),
    ).toEqual([
      ['b', true, undefined, undefined],
      ['a', false, 'quarantined', ['quarantine']],
    ]);
    expect(calls.listTags).toBe(1);
  });

  it('turns a provider failure without a status into a 502 naming it', async () => {
    const { oci } = stubOci({});
    const failing: RegistryProvider = {
      id: 'harbor',
      matches: () => true,
      listTags: async () => {
        throw new Error('socket hang up');
      },
    };
    const error = await service({ oci, providers: [failing] })
      .listTags(image)
      .catch(e => e);
    expect(error.statusCode).toBe(502);
    expect(error.message).toBe(
      'registry provider harbor failed: socket hang up',
    );
  });
});

describe('RegistryService.isTagPublishable', () => {
  const quarantine: RegistryProvider = {
    id: 'harbor',
    matches: host => host === 'harbor.example.com',
    tagLabels: async (_image, tag) =>
      tag.startsWith('bad')
        ? {
            publishable: false,
            reason: 'label "unpublishable" in Harbor',
            labels: ['unpublishable'],
          }
        : { publishable: true, labels: ['ok'] },
  };

  it('asks the matching providers and refuses what one marks unpublishable', async () => {
    const { oci, calls } = stubOci({});
    const registry = service({ oci, providers: [quarantine] });
    expect(
      await registry.isTagPublishable('harbor.example.com/shop/web:1', 'bad-1'),
    ).toEqual({
      publishable: false,
      reason: 'label "unpublishable" in Harbor',
      labels: ['unpublishable'],
    });
    expect(
      await registry.isTagPublishable('harbor.example.com/shop/web', 'good'),
    ).toEqual({
      publishable: true,
      labels: ['ok'],
    });
    expect(calls.listTags + calls.tagInfo.length).toBe(0);
  });

  it('says publishable without a provider, without asking the registry', async () => {
    const { oci, calls } = stubOci({});
    const registry = service({ oci, providers: [quarantine] });
    expect(
      await registry.isTagPublishable('registry.example.com/team/web', 'bad-1'),
    ).toEqual({
      publishable: true,
      labels: [],
    });
    expect(calls.listTags + calls.tagInfo.length).toBe(0);
  });

  it('refuses invalid input', async () => {
    const registry = service({ oci: stubOci({}).oci, providers: [quarantine] });
    await expect(
      registry.isTagPublishable('harbor.example.com/shop/web', 'no good'),
    ).rejects.toThrow('invalid image tag "no good"');
    await expect(registry.isTagPublishable('::', 'x')).rejects.toBeInstanceOf(
      InputError,
    );
  });

  it('fails closed when the provider fails', async () => {
    const down: RegistryProvider = {
      id: 'harbor',
      matches: () => true,
      tagLabels: async () => {
        throw new Error('ECONNREFUSED');
      },
    };
    const error = await service({ oci: stubOci({}).oci, providers: [down] })
      .isTagPublishable('harbor.example.com/shop/web', '1')
      .catch(e => e);
    expect(error.statusCode).toBe(502);
  });
});

describe('compareNewestLooking', () => {
  it('puts latest, higher numbers and releases before pre-releases first', () => {
    const tags = [
      '1.9.2',
      'latest',
      '1.10.0',
      '1.10.0-rc.1',
      '2024-05-31',
      '2024-06-01',
      'v2',
      'v10',
      'sha-abc',
      '1.10',
    ];
    expect([...tags].sort(compareNewestLooking)).toEqual([
      'latest',
      '2024-06-01',
      '2024-05-31',
      '1.10.0',
      '1.10.0-rc.1',
      '1.10',
      '1.9.2',
      'v10',
      'v2',
      'sha-abc',
    ]);
  });
});
