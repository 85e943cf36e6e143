import { mockServices } from '@backstage/backend-test-utils';
import type {
  RegistryImage,
  RegistryProvider,
} from '@internal/plugin-app-center-node';
import { defaultRegistryTagsConfig, RegistryTagsConfig } from '../config';
import { OciRegistryClient, OciTagInfo } from '../OciRegistryClient';
import { RegistryService } from '../RegistryService';
import type { AddressLookup } from '../hostPolicy';
import type { ProjectRegistries } from '../projectRegistries';

/** An OCI client stub: tags per repository, creation times per tag, counting calls. */
export function stubOci(
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

export function service(options: {
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

export const REPO = 'registry.example.com/team/web';
export const at = (minute: number) =>
  new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();
