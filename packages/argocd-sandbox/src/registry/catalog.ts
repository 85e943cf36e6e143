import { createHash } from 'node:crypto';

/** A stored document of the registry: its bytes, media type and digest. */
export interface RegistryDocument {
  bytes: Buffer;
  mediaType: string;
  digest: string;
}

export interface RegistryRepository {
  /** Tag -> manifest digest. */
  tags: Map<string, string>;
  /** Manifests and blobs by digest. */
  documents: Map<string, RegistryDocument>;
}

/** The example images: their tags (oldest first). A tag containing `bad` never pulls in the cluster. */
export const EXAMPLE_IMAGES: Record<string, string[]> = {
  'shop/web': ['1.0.0', '1.1.0', '1.2.0', '1.2.1-crash', '1.3.0-bad'],
  'shop/api': ['1.0.0', '1.0.1', '1.1.0', '1.2.0-bad'],
};

/** When the first example tag was built; each later tag a day after the one before. */
const FIRST_BUILD = Date.UTC(2026, 8, 1, 9, 30, 0);
const DAY_MS = 24 * 3600_000;

function document(json: unknown, mediaType: string): RegistryDocument {
  const bytes = Buffer.from(JSON.stringify(json));
  return {
    bytes,
    mediaType,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  };
}

/**
 * One image as a registry stores it: an OCI config blob (with `created`) and an OCI image manifest pointing
 * at it. Deterministic, so digests stay the same from run to run.
 */
function image(repository: string, tag: string, created: string) {
  const layer = createHash('sha256')
    .update(`${repository}:${tag} layer`)
    .digest('hex');
  const config = document(
    {
      created,
      architecture: 'amd64',
      os: 'linux',
      config: {
        Labels: { 'org.opencontainers.image.version': tag },
        Cmd: [`/${repository.split('/').pop()}`],
      },
      rootfs: { type: 'layers', diff_ids: [`sha256:${layer}`] },
      history: [{ created, created_by: 'sandbox build' }],
    },
    'application/vnd.oci.image.config.v1+json',
  );
  const manifest = document(
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: config.mediaType,
        digest: config.digest,
        size: config.bytes.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: `sha256:${layer}`,
          size: 1024,
        },
      ],
    },
    'application/vnd.oci.image.manifest.v1+json',
  );
  return { config, manifest };
}

/** The registry's repositories, built from a map of repository -> tags (oldest first). */
export function buildCatalog(
  images: Record<string, string[]> = EXAMPLE_IMAGES,
): Map<string, RegistryRepository> {
  const out = new Map<string, RegistryRepository>();
  let i = 0;
  for (const [repository, tags] of Object.entries(images)) {
    const repo: RegistryRepository = { tags: new Map(), documents: new Map() };
    for (const tag of tags) {
      const created = new Date(FIRST_BUILD + i++ * DAY_MS).toISOString();
      const { config, manifest } = image(repository, tag, created);
      repo.documents.set(config.digest, config);
      repo.documents.set(manifest.digest, manifest);
      repo.tags.set(tag, manifest.digest);
    }
    out.set(repository, repo);
  }
  return out;
}
