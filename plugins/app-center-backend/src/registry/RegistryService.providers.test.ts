import { InputError } from '@backstage/errors';
import type {
  RegistryImage,
  RegistryProvider,
} from '@internal/plugin-app-center-node';
import {
  stubOci,
  service,
  REPO,
  at,
} from './__testUtils__/registryServiceStubs';

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
