import type { Caller } from '../domain/Caller';
import { parseRegistryImage } from './image';
import { TtlCache } from './TtlCache';

/** The registry hosts of the images in the projects a caller can read (what the tag lookup may ask). */
export type ProjectRegistries = (caller: Caller) => Promise<Set<string>>;

/**
 * Collects the registries of the images in the templates of the caller's projects, cached per caller for
 * `ttlMs` (a new project's registry is looked up after that at the latest).
 */
export function projectRegistries(deps: {
  listProjects(caller: Caller): Promise<Array<{ name: string }>>;
  listImages(caller: Caller, project: string): Promise<string[]>;
  ttlMs: number;
}): ProjectRegistries {
  const cache = new TtlCache<Promise<Set<string>>>(deps.ttlMs, 1000);
  return caller => {
    const hit = cache.get(caller.userEntityRef);
    if (hit) return hit;
    const loading = (async () => {
      const hosts = new Set<string>();
      for (const project of await deps.listProjects(caller)) {
        const images = await deps
          .listImages(caller, project.name)
          .catch(() => [] as string[]);
        for (const image of images) {
          try {
            hosts.add(parseRegistryImage(image).host);
          } catch {
            // an image reference that does not parse names no registry
          }
        }
      }
      return hosts;
    })();
    cache.set(caller.userEntityRef, loading);
    loading.catch(() => cache.delete(caller.userEntityRef));
    return loading;
  };
}
