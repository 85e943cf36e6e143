import { isMap, isScalar, Node, YAMLMap } from 'yaml';
import {
  ManifestIssue,
  ManifestValidationError,
} from './ManifestValidationError';
import { ManifestLimits, parseManifests, positionOf } from './parseManifests';
import { isClusterScopedKind } from './workloads';

/** Where the files are going: decides the namespace and scope rules. */
export interface ManifestValidationContext {
  /**
   * The environment's namespace: objects may omit `metadata.namespace` or set
   * exactly this. When undefined (templates, copied to many environments)
   * objects must not set a namespace.
   */
  namespace?: string;
  /** Allow cluster-scoped kinds (Namespace, ClusterRole, CRDs, webhooks, ...); default false. */
  allowClusterScoped?: boolean;
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/i;

function child(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = (map as YAMLMap).items.find(
    p => isScalar(p.key) && p.key.value === key,
  );
  return (pair?.value as Node | undefined) ?? undefined;
}

/**
 * Validates manifest files before they are written: every file parses within
 * the limits, every document is a Kubernetes object (apiVersion, kind,
 * metadata.name), namespaces fit the destination, cluster-scoped kinds only
 * when allowed, no object defined twice. Issues carry line and column.
 */
export class ManifestValidator {
  private readonly limits: ManifestLimits;

  constructor(options: { limits?: ManifestLimits } = {}) {
    this.limits = options.limits ?? {};
  }

  validateFile(
    path: string,
    content: string,
    ctx: ManifestValidationContext,
  ): ManifestIssue[] {
    return this.check(path, content, ctx).issues;
  }

  /** Validates a set of files (one app folder) and also refuses objects defined twice. */
  validateFiles(
    files: Array<{ path: string; content: string }>,
    ctx: ManifestValidationContext,
  ): ManifestIssue[] {
    const issues: ManifestIssue[] = [];
    const seen = new Map<string, string>();
    for (const file of files) {
      const result = this.check(file.path, file.content, ctx);
      issues.push(...result.issues);
      for (const o of result.objects) {
        const key = `${o.group}/${o.kind}/${o.name}`;
        const where = seen.get(key);
        if (where) {
          issues.push({
            path: file.path,
            line: o.line,
            column: o.column,
            message: `${o.kind} "${o.name}" is already defined in ${where}`,
          });
        } else {
          seen.set(key, `${file.path}:${o.line}`);
        }
      }
    }
    return issues;
  }

  /** Throws {@link ManifestValidationError} (400) listing every issue. */
  assertValid(
    files: Array<{ path: string; content: string }>,
    ctx: ManifestValidationContext,
  ): void {
    const issues = this.validateFiles(files, ctx);
    if (issues.length) throw new ManifestValidationError(issues);
  }

  private check(path: string, content: string, ctx: ManifestValidationContext) {
    const issues: ManifestIssue[] = [];
    const objects: Array<{
      group: string;
      kind: string;
      name: string;
      line: number;
      column: number;
    }> = [];
    const parsed = parseManifests(content, this.limits);
    for (const e of parsed.errors) issues.push({ path, ...e });
    if (parsed.errors.length) return { issues, objects };
    const isKustomization = KUSTOMIZATION.test(path);
    if (
      parsed.documents.length === 0 ||
      parsed.documents.every(d => d.value === null || d.value === undefined)
    ) {
      issues.push({
        path,
        line: 1,
        column: 1,
        message: 'file has no Kubernetes object',
      });
      return { issues, objects };
    }
    for (const { document, value } of parsed.documents) {
      const docStart = document.range?.[0] ?? 0;
      const at = (node: Node | undefined | null) =>
        positionOf(parsed.lineCounter, node, docStart);
      if (value === null || value === undefined) continue; // an empty document between `---` lines
      if (typeof value !== 'object' || Array.isArray(value)) {
        issues.push({
          path,
          ...at(document.contents),
          message: 'each document must be a mapping (a Kubernetes object)',
        });
        continue;
      }
      if (isKustomization) continue; // kept as written; it only has to parse
      const root = document.contents;
      const obj = value as Record<string, any>;
      const problems: Array<[Node | undefined | null, string]> = [];
      if (typeof obj.apiVersion !== 'string' || !obj.apiVersion)
        problems.push([
          child(root, 'apiVersion') ?? root,
          'apiVersion is required',
        ]);
      if (typeof obj.kind !== 'string' || !obj.kind)
        problems.push([child(root, 'kind') ?? root, 'kind is required']);
      const metadata = child(root, 'metadata');
      const name = obj.metadata?.name;
      if (typeof obj.metadata !== 'object' || obj.metadata === null) {
        problems.push([root, 'metadata.name is required']);
      } else if (typeof name !== 'string' || !name) {
        problems.push([metadata, 'metadata.name is required']);
      } else if (name.length > 253 || !NAME.test(name)) {
        problems.push([
          child(metadata, 'name'),
          `metadata.name "${name}" must be lower-case letters, digits, "-" and "."`,
        ]);
      }
      const ns = obj.metadata?.namespace;
      if (ns !== undefined && ns !== null) {
        const nsNode = child(metadata, 'namespace');
        if (ctx.namespace === undefined) {
          problems.push([
            nsNode,
            `metadata.namespace must be left out in a template (it is set by each environment); found "${ns}"`,
          ]);
        } else if (ns !== ctx.namespace) {
          problems.push([
            nsNode,
            `metadata.namespace "${ns}" is not this environment's namespace "${ctx.namespace}"; leave it out or use "${ctx.namespace}"`,
          ]);
        }
      }
      if (
        typeof obj.kind === 'string' &&
        isClusterScopedKind(obj.kind) &&
        !ctx.allowClusterScoped
      ) {
        problems.push([
          child(root, 'kind'),
          `${obj.kind} is cluster-scoped and this project does not allow cluster-scoped resources`,
        ]);
      }
      for (const [node, message] of problems)
        issues.push({ path, ...at(node), message });
      if (!problems.length) {
        const group = obj.apiVersion.includes('/')
          ? obj.apiVersion.split('/')[0]
          : '';
        objects.push({ group, kind: obj.kind, name, ...at(root) });
      }
    }
    return { issues, objects };
  }
}
