import { NotAllowedError } from '@backstage/errors';
import { OciRegistryClient } from './OciRegistryClient';
import { RegistryUpstreamError } from './errors';
import type { AddressLookup } from './hostPolicy';
import type { ProjectRegistries } from './projectRegistries';
import type { Caller } from '../domain/Caller';
import { stubOci, service } from './__testUtils__/registryServiceStubs';

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
