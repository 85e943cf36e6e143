/** What a list shows per template. */
export interface TemplateSummary {
  name: string;
  description?: string;
  /** Object id of the template folder: changes whenever any file in it changes. */
  treeOid: string;
  files: string[];
  /** Kinds of the objects, e.g. ["Deployment", "Service"]. */
  kinds: string[];
  /** Container images as written in the manifests. */
  images: string[];
  /** Files that do not parse (the template is listed anyway). */
  invalidFiles: string[];
}

/**
 * Summaries keyed by the template folder's tree object id: a folder that did
 * not change is never parsed again, whatever else changed in the repository.
 * Bounded, least recently used out first.
 */
export class TemplateSummaryCache {
  private readonly entries = new Map<string, TemplateSummary>();
  /** Number of summaries computed (cache misses), for tests and metrics. */
  misses = 0;

  constructor(private readonly maxEntries = 5000) {}

  async get(
    key: string,
    compute: () => Promise<TemplateSummary>,
  ): Promise<TemplateSummary> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.misses += 1;
    const value = await compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}
