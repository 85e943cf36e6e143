import { InputError, NotAllowedError } from '@backstage/errors';
import {
  stubOci,
  service,
  REPO,
  at,
} from './__testUtils__/registryServiceStubs';

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
