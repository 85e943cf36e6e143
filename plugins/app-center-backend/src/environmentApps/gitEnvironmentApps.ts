import { isDnsLabel } from '@internal/plugin-app-center-common';
import { readAppFiles } from '../git/appFiles';
import { Provenance, readProvenance } from './EnvironmentAppStore';
import { GitOpsLayout, GitTreeView } from '../git';
import { parseManifests } from '../git/yaml/parseManifests';
import { CONTAINER_FIELDS, podSpecPath } from '../git/yaml/workloads';
import { mapWithConcurrency } from '../registry/TtlCache';

/** What git holds for one environment app folder. */
export interface GitAppSummary {
  app: string;
  /** Object id of the folder: changes whenever a file in it changes. */
  treeOid: string;
  mainKind?: string;
  /** Images written in the manifests (containers and init containers), sorted, unique. */
  images: string[];
  provenance?: Provenance;
}

/** Kinds in the order that makes one the app's "main" kind. */
const MAIN_KINDS = [
  'Rollout',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'Pod',
];

/** App folders read at once on a cold list: git object reads wait on the disk, so a few overlap. */
const READ_CONCURRENCY = 16;

/** Kinds and container images of one manifest file, from ONE parse (images only when the file parses). */
function scanManifest(
  content: string,
  kinds: Set<string>,
  images: Set<string>,
) {
  const parsed = parseManifests(content);
  for (const d of parsed.documents) {
    const object = d.value as
      | { apiVersion?: unknown; kind?: unknown }
      | null
      | undefined;
    if (typeof object?.kind === 'string') kinds.add(object.kind);
    const specPath = podSpecPath(object?.apiVersion, object?.kind);
    // a file that does not parse contributes no images; the app is listed anyway
    if (!specPath || parsed.errors.length) continue;
    let podSpec: any = object;
    for (const key of specPath) podSpec = podSpec?.[key];
    for (const field of CONTAINER_FIELDS) {
      const containers = podSpec?.[field];
      if (!Array.isArray(containers)) continue;
      for (const c of containers)
        if (typeof c?.image === 'string') images.add(c.image);
    }
  }
}

/**
 * Summaries of environment app folders keyed by the folder's tree object id: a folder that did not change
 * is never read and parsed again, so listing an environment of 1,000 apps reads only what changed.
 * Bounded, least recently used out first.
 */
export class GitAppSummaryCache {
  private readonly entries = new Map<string, Omit<GitAppSummary, 'app'>>();

  constructor(private readonly maxEntries = 20_000) {}

  async summarize(
    view: GitTreeView,
    layout: GitOpsLayout,
    env: string,
    app: string,
    treeOid: string,
  ): Promise<GitAppSummary> {
    const hit = this.entries.get(treeOid);
    if (hit) {
      this.entries.delete(treeOid);
      this.entries.set(treeOid, hit);
      return { app, ...hit };
    }
    const dir = layout.envAppDir(env, app);
    const files = await readAppFiles(view, dir).catch(() => []);
    const images = new Set<string>();
    const kinds = new Set<string>();
    for (const f of files) scanManifest(f.content, kinds, images);
    const summary = {
      treeOid,
      mainKind: MAIN_KINDS.find(k => kinds.has(k)) ?? [...kinds].sort()[0],
      images: [...images].sort(),
      provenance: await readProvenance(view, layout.provenancePath(env, app)),
    };
    this.entries.set(treeOid, summary);
    if (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    return { app, ...summary };
  }

  /** Every app folder of an environment (`envs/<env>/<app>/`), by name. */
  async environment(
    view: GitTreeView,
    layout: GitOpsLayout,
    env: string,
  ): Promise<Map<string, GitAppSummary>> {
    const envDir = layout.envDir(env);
    const folders = (await view.list(envDir))
      .filter(entry => entry.type === 'directory')
      .map(entry => ({ app: entry.path.slice(envDir.length + 1), entry }))
      .filter(({ app }) => isDnsLabel(app));
    const summaries = await mapWithConcurrency(
      folders,
      READ_CONCURRENCY,
      ({ app, entry }) => this.summarize(view, layout, env, app, entry.oid),
    );
    return new Map(summaries.map(s => [s.app, s]));
  }

  /** One app folder, or undefined when it does not exist. */
  async app(
    view: GitTreeView,
    layout: GitOpsLayout,
    env: string,
    app: string,
  ): Promise<GitAppSummary | undefined> {
    const oid = await view.oidOf(layout.envAppDir(env, app));
    return oid ? this.summarize(view, layout, env, app, oid) : undefined;
  }
}
