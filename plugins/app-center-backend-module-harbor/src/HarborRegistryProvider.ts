import { Config } from '@backstage/config';
import { CustomErrorBase, InputError, NotFoundError } from '@backstage/errors';
import type {
  RegistryImage,
  RegistryProvider,
  RegistryProviderCallOptions,
  RegistryTag,
  TagLabels,
} from '@internal/plugin-app-center-node';
import {
  describeNetworkFailure,
  registryErrorMessage,
} from '@internal/plugin-app-center-node';

/** One Harbor instance of `appCenter.harbor.instances`. */
export interface HarborInstance {
  /** Lower-case host with the port when not the default, as image references name it. */
  host: string;
  username: string;
  password: string;
  insecure: boolean;
}

export interface HarborOptions {
  instances: HarborInstance[];
  /** Lower-case label names that make a tag unpublishable. */
  unpublishableLabels: string[];
  timeoutMs: number;
  /** Artifacts per page asked of Harbor (at most 100). */
  pageSize?: number;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

/** Harbor failed (unreachable, slow, refused the credentials, server error): 502, or 504 for a timeout. */
export class HarborUpstreamError extends CustomErrorBase {
  name = 'HarborUpstreamError' as const;
  readonly statusCode: 502 | 504;

  constructor(message: string, statusCode: 502 | 504 = 502) {
    super(message);
    this.statusCode = statusCode;
  }
}

interface HarborArtifact {
  digest?: string;
  push_time?: string;
  tags?: Array<{ name?: string; push_time?: string }> | null;
  labels?: Array<{ name?: string }> | null;
}

const MAX_PAGES = 200;

/** Reads `appCenter.harbor`; undefined when no instance is configured (the module then stays inert). */
export function readHarborOptions(config: Config): HarborOptions | undefined {
  const harbor = config.getOptionalConfig('appCenter.harbor');
  const instances = (harbor?.getOptionalConfigArray('instances') ?? []).map(
    c => {
      const host = c.getString('host').trim().toLowerCase();
      if (!host || /[/\s@]/.test(host)) {
        throw new InputError(
          `appCenter.harbor.instances: host "${host}" must be a host with an optional port, without scheme or path`,
        );
      }
      return {
        host,
        username: c.getString('username'),
        password: c.getString('password'),
        insecure: c.getOptionalBoolean('insecure') ?? false,
      };
    },
  );
  if (instances.length === 0) return undefined;
  const labels = harbor?.getOptionalStringArray('unpublishableLabels') ?? [
    'unpublishable',
  ];
  const timeoutSeconds = harbor?.getOptionalNumber('timeoutSeconds') ?? 10;
  if (!(timeoutSeconds > 0 && timeoutSeconds <= 300)) {
    throw new InputError(
      'appCenter.harbor.timeoutSeconds must be above 0 and at most 300',
    );
  }
  return {
    instances,
    unpublishableLabels: labels
      .map(l => l.trim().toLowerCase())
      .filter(Boolean),
    timeoutMs: Math.round(timeoutSeconds * 1000),
  };
}

/**
 * App Center's registry provider for Harbor: lists tags with their push time and labels through Harbor's
 * API (`/api/v2.0/projects/{project}/repositories/{repository}/artifacts`), with Basic authentication, and
 * marks the tags of artifacts that carry an unpublishable label (`appCenter.harbor.unpublishableLabels`)
 * as not to be deployed.
 */
export class HarborRegistryProvider implements RegistryProvider {
  readonly id = 'harbor';
  private readonly instances = new Map<string, HarborInstance>();
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HarborOptions) {
    for (const instance of options.instances)
      this.instances.set(instance.host, instance);
    this.fetchImpl = options.fetch ?? fetch;
  }

  matches(host: string): boolean {
    return this.instances.has(host.toLowerCase());
  }

  async listTags(
    image: RegistryImage,
    options?: RegistryProviderCallOptions,
  ): Promise<RegistryTag[]> {
    const { instance, project, repository } = this.locate(image);
    const tags: RegistryTag[] = [];
    const pageSize = this.options.pageSize ?? 100;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const path = `${this.artifactsPath(
        project,
        repository,
      )}?with_tag=true&with_label=true&page=${page}&page_size=${pageSize}`;
      const res = await this.get(
        instance,
        path,
        { project, repository },
        options?.signal,
      );
      const artifacts = (await this.readJson(
        res,
        instance,
      )) as HarborArtifact[];
      if (!Array.isArray(artifacts)) {
        throw new HarborUpstreamError(
          `Harbor ${instance.host} answered the artifact list without a list`,
        );
      }
      for (const artifact of artifacts) {
        const labels = labelNames(artifact);
        const verdict = this.verdict(instance, labels);
        for (const tag of artifact.tags ?? []) {
          if (typeof tag?.name !== 'string' || !tag.name) continue;
          tags.push({
            tag: tag.name,
            ...(artifact.digest ? { digest: artifact.digest } : {}),
            ...(validTime(tag.push_time ?? artifact.push_time)
              ? { createdAt: validTime(tag.push_time ?? artifact.push_time) }
              : {}),
            labels,
            ...verdict,
          });
        }
      }
      const total = Number(res.headers.get('x-total-count'));
      const hasNext = /rel\s*=\s*"?next"?/i.test(res.headers.get('link') ?? '');
      const more =
        Number.isFinite(total) && res.headers.has('x-total-count')
          ? page * pageSize < total
          : hasNext || artifacts.length === pageSize;
      if (!more || artifacts.length === 0) return tags;
    }
    throw new HarborUpstreamError(
      `Harbor ${instance.host} has more than ${
        MAX_PAGES * pageSize
      } artifacts in ${project}/${repository}; App Center stops listing there`,
    );
  }

  async tagLabels(
    image: RegistryImage,
    tag: string,
    options?: RegistryProviderCallOptions,
  ): Promise<TagLabels> {
    const { instance, project, repository } = this.locate(image);
    const path = `${this.artifactsPath(
      project,
      repository,
    )}/${encodeURIComponent(tag)}?with_tag=false&with_label=true`;
    let res: Response;
    try {
      res = await this.get(
        instance,
        path,
        { project, repository, tag },
        options?.signal,
      );
    } catch (error) {
      if (error instanceof NotFoundError) {
        return {
          publishable: false,
          reason: `tag "${tag}" of ${project}/${repository} not found in Harbor ${instance.host}`,
          labels: [],
        };
      }
      throw error;
    }
    const labels = labelNames(
      (await this.readJson(res, instance)) as HarborArtifact,
    );
    return { ...this.verdict(instance, labels), labels };
  }

  private verdict(
    instance: HarborInstance,
    labels: string[],
  ): { publishable: boolean; reason?: string } {
    const marks = labels.filter(l =>
      this.options.unpublishableLabels.includes(l.toLowerCase()),
    );
    if (marks.length === 0) return { publishable: true };
    return {
      publishable: false,
      reason: `labelled ${marks.map(m => `"${m}"`).join(', ')} in Harbor ${
        instance.host
      }`,
    };
  }

  /** Harbor repositories live in projects: `host/project/repo[/more]`. */
  private locate(image: RegistryImage) {
    const instance = this.instances.get(image.host.toLowerCase());
    if (!instance)
      throw new InputError(`Harbor has no instance for registry ${image.host}`);
    const slash = image.repository.indexOf('/');
    if (slash < 0) {
      throw new NotFoundError(
        `${image.repository} is not a Harbor repository of ${instance.host}: Harbor images are named project/repository`,
      );
    }
    return {
      instance,
      project: image.repository.slice(0, slash),
      repository: image.repository.slice(slash + 1),
    };
  }

  /** Harbor wants the repository name URL-encoded twice (`a/b` as `a%252Fb`). */
  private artifactsPath(project: string, repository: string) {
    return `/api/v2.0/projects/${encodeURIComponent(
      project,
    )}/repositories/${encodeURIComponent(
      encodeURIComponent(repository),
    )}/artifacts`;
  }

  private async get(
    instance: HarborInstance,
    path: string,
    what: { project: string; repository: string; tag?: string },
    signal?: AbortSignal,
  ): Promise<Response> {
    const url = `${instance.insecure ? 'http' : 'https'}://${
      instance.host
    }${path}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        headers: {
          Accept: 'application/json',
          Authorization: `Basic ${Buffer.from(
            `${instance.username}:${instance.password}`,
          ).toString('base64')}`,
        },
        redirect: 'error',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      const failure = describeNetworkFailure(error);
      if (failure.timedOut) {
        throw new HarborUpstreamError(
          `Harbor ${instance.host} did not answer within ${this.options.timeoutMs} ms`,
          504,
        );
      }
      throw new HarborUpstreamError(
        `Harbor ${instance.host} ${failure.reason} (${failure.detail})`,
      );
    }
    if (res.ok) return res;
    const message = registryErrorMessage(await res.text().catch(() => ''));
    const name = `${what.project}/${what.repository}`;
    switch (res.status) {
      case 401:
        throw new HarborUpstreamError(
          `Harbor ${instance.host} refused App Center's credentials (HTTP 401: ${message}); check appCenter.harbor.instances (host ${instance.host})`,
        );
      case 403:
        throw new HarborUpstreamError(
          `Harbor ${instance.host} denied App Center's account access to ${name} (HTTP 403: ${message}); give it read access to project ${what.project}`,
        );
      case 404:
        throw new NotFoundError(
          what.tag
            ? `tag "${what.tag}" of repository ${name} not found in Harbor ${instance.host} (${message})`
            : `repository ${name} not found in Harbor ${instance.host} (${message})`,
        );
      case 504:
        throw new HarborUpstreamError(
          `Harbor ${instance.host} timed out: ${message}`,
          504,
        );
      default:
        throw new HarborUpstreamError(
          `Harbor ${instance.host} failed (HTTP ${res.status}): ${message}`,
        );
    }
  }

  private async readJson(
    res: Response,
    instance: HarborInstance,
  ): Promise<unknown> {
    try {
      return await res.json();
    } catch {
      throw new HarborUpstreamError(
        `Harbor ${instance.host} answered with invalid JSON`,
      );
    }
  }
}

function labelNames(artifact: HarborArtifact | undefined): string[] {
  return (artifact?.labels ?? [])
    .map(l => l?.name)
    .filter((n): n is string => typeof n === 'string' && n.length > 0);
}

function validTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) && time > 0
    ? new Date(time).toISOString()
    : undefined;
}
