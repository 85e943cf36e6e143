/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../cluster/types.ts';
import type { GitReader } from './gitReader.ts';
import { normalizePath, RepoError } from './gitReader.ts';

export interface GeneratedManifests {
  revision: string;
  sourceType: 'Directory' | 'Kustomize';
  objects: K8sObject[];
}

export interface SourceSpec {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  directory?: { recurse?: boolean; include?: string; exclude?: string };
}

const MANIFEST_FILE = /\.(yaml|yml|json)$/;
const KUSTOMIZATION = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** The repo-server: manifests of a source path at a commit, as plain directories (and a small Kustomize subset). */
export class ManifestGenerator {
  private readonly cache = new Map<string, Promise<GeneratedManifests>>();

  readonly git: GitReader;

  constructor(git: GitReader) {
    this.git = git;
  }

  async generate(source: SourceSpec, sha: string): Promise<GeneratedManifests> {
    const key = `${source.repoURL}\n${sha}\n${source.path}\n${JSON.stringify(
      source.directory ?? {},
    )}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.doGenerate(source, sha);
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
      if (this.cache.size > 5000)
        this.cache.delete(this.cache.keys().next().value as string);
    }
    return p;
  }

  private async doGenerate(
    source: SourceSpec,
    sha: string,
  ): Promise<GeneratedManifests> {
    const appPath = normalizePath(source.path);
    const files = await this.git.listFiles(
      source.repoURL,
      sha,
      appPath,
      !!source.directory?.recurse,
    );
    const direct = files.filter(f => !relative(appPath, f.path).includes('/'));
    const kustomization = direct.find(f =>
      KUSTOMIZATION.includes(relative(appPath, f.path)),
    );
    if (kustomization)
      return this.kustomize(source, sha, appPath, kustomization.blob);
    const picked = files.filter(
      f =>
        MANIFEST_FILE.test(f.path) &&
        included(relative(appPath, f.path), source.directory),
    );
    const contents = await this.git.readBlobs(
      source.repoURL,
      picked.map(f => f.blob),
    );
    const objects: K8sObject[] = [];
    for (const f of picked)
      objects.push(
        ...parseManifestFile(baseName(f.path), contents.get(f.blob) ?? ''),
      );
    return { revision: sha, sourceType: 'Directory', objects };
  }

  /** A small Kustomize subset: local `resources` files, `namespace`, `images`, `commonLabels`, `namePrefix`. */
  private async kustomize(
    source: SourceSpec,
    sha: string,
    appPath: string,
    blob: string,
  ): Promise<GeneratedManifests> {
    const text =
      (await this.git.readBlobs(source.repoURL, [blob])).get(blob) ?? '';
    const docs = parseAllDocuments(text);
    const k: any = docs[0]?.toJS() ?? {};
    if (docs[0]?.errors?.length) {
      throw new RepoError(
        'Unknown',
        `kustomize build ${appPath} failed: ${docs[0].errors[0].message}`,
      );
    }
    const all = await this.git.listFiles(source.repoURL, sha, appPath, true);
    const objects: K8sObject[] = [];
    for (const res of (k.resources ?? []) as string[]) {
      const target = normalizePath(`${appPath}/${res}`);
      const matches = all.filter(
        f =>
          f.path === target ||
          (f.path.startsWith(`${target}/`) &&
            MANIFEST_FILE.test(f.path) &&
            !KUSTOMIZATION.includes(baseName(f.path))),
      );
      if (!matches.length)
        throw new RepoError(
          'Unknown',
          `kustomize build ${appPath} failed: accumulating resources: '${res}' not found`,
        );
      const contents = await this.git.readBlobs(
        source.repoURL,
        matches.map(f => f.blob),
      );
      for (const f of matches)
        objects.push(
          ...parseManifestFile(
            baseName(f.path),
            contents.get(f.blob) ?? '',
            true,
          ),
        );
    }
    for (const o of objects) {
      if (k.namespace) o.metadata.namespace = k.namespace;
      if (k.namePrefix) o.metadata.name = `${k.namePrefix}${o.metadata.name}`;
      if (k.commonLabels)
        o.metadata.labels = { ...(o.metadata.labels ?? {}), ...k.commonLabels };
      for (const img of (k.images ?? []) as any[]) applyImageOverride(o, img);
    }
    return { revision: sha, sourceType: 'Kustomize', objects };
  }
}

function applyImageOverride(obj: any, img: any) {
  const visit = (containers: any[] | undefined) => {
    for (const c of containers ?? []) {
      const image: string = c.image ?? '';
      const at = image.indexOf('@');
      const noDigest = at >= 0 ? image.slice(0, at) : image;
      const colon = noDigest.lastIndexOf(':');
      const repo =
        colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
      if (repo !== img.name) continue;
      const tag =
        colon > noDigest.lastIndexOf('/')
          ? noDigest.slice(colon + 1)
          : undefined;
      const newRepo = img.newName ?? repo;
      c.image = img.digest
        ? `${newRepo}@${img.digest}`
        : `${newRepo}${img.newTag ?? tag ? `:${img.newTag ?? tag}` : ''}`;
    }
  };
  const spec =
    obj.spec?.template?.spec ?? obj.spec?.jobTemplate?.spec?.template?.spec;
  if (spec) {
    visit(spec.containers);
    visit(spec.initContainers);
  }
}

function relative(base: string, p: string): string {
  return base ? p.slice(base.length + 1) : p;
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function included(rel: string, dir: SourceSpec['directory']): boolean {
  const glob = (g: string) =>
    new RegExp(
      `^${g
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
  const many = (g: string) =>
    g
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map(s => glob(s.trim()));
  if (dir?.exclude && many(dir.exclude).some(r => r.test(rel))) return false;
  if (dir?.include && !many(dir.include).some(r => r.test(rel))) return false;
  return true;
}

/**
 * Parses one manifest file like Argo CD's repo-server: every document must decode into an object with `kind`
 * (and `apiVersion`); a YAML file that does not parse is an error only if it looks like a Kubernetes manifest,
 * otherwise (e.g. an unrelated config file) it is skipped.
 */
export function parseManifestFile(
  filename: string,
  text: string,
  strict = false,
): K8sObject[] {
  const fail = (msg: string) =>
    new RepoError(
      'FailedPrecondition',
      `Failed to unmarshal "${filename}": ${msg}`,
    );
  if (filename.endsWith('.json')) {
    let obj: any;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      throw fail((e as Error).message);
    }
    return flatten(checkObject(obj, fail));
  }
  const out: K8sObject[] = [];
  let error: string | undefined;
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      error = `failed to unmarshal manifest: error converting YAML to JSON: yaml: ${
        doc.errors[0].message.split('\n')[0]
      }`;
      break;
    }
    const value = doc.toJS();
    if (value === null || value === undefined) continue;
    try {
      out.push(...flatten(checkObject(value, m => new Error(m))));
    } catch (e) {
      error = `failed to unmarshal manifest: ${(e as Error).message}`;
      break;
    }
  }
  if (error) {
    const looksLikeManifest =
      text.includes('apiVersion:') &&
      text.includes('kind:') &&
      text.includes('metadata:');
    if (out.length || looksLikeManifest || strict) throw fail(error);
    return [];
  }
  return out;
}

function checkObject(value: any, fail: (m: string) => Error): K8sObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail(
      `json: cannot unmarshal ${
        Array.isArray(value) ? 'array' : typeof value
      } into Go value of type map[string]interface {}`,
    );
  }
  if (!value.kind)
    throw fail(`Object 'Kind' is missing in '${JSON.stringify(value)}'`);
  if (!value.apiVersion)
    throw fail(`Object 'apiVersion' is missing in '${JSON.stringify(value)}'`);
  value.metadata = value.metadata ?? {};
  return value as K8sObject;
}

function flatten(obj: K8sObject): K8sObject[] {
  if (obj.kind.endsWith('List') && Array.isArray(obj.items))
    return obj.items.flatMap((i: any) => flatten(i));
  if (
    obj.kind.endsWith('List') &&
    obj.items === null &&
    !obj.spec &&
    !obj.status
  )
    return [];
  return [obj];
}
