import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { ArgoCDClient } from './ArgoCDClient';
import type {
  ArgoCDClientOptions,
  ArgoCDInstanceConfig,
} from './ArgoCDTransport';
import { ArgoCDUpstreamError } from './errors';

/**
 * The Argo CD instances of `appCenter.argocd.instances`, by name. A project names the instance that applies
 * its manifests; asking for a name that is not configured is a clear error.
 */
export class ArgoCDInstances {
  private readonly clients = new Map<string, ArgoCDClient>();

  constructor(
    instances: ArgoCDInstanceConfig[],
    options: ArgoCDClientOptions = {},
  ) {
    for (const instance of instances) {
      if (this.clients.has(instance.name)) {
        throw new Error(
          `appCenter.argocd.instances names "${instance.name}" twice`,
        );
      }
      this.clients.set(instance.name, new ArgoCDClient(instance, options));
    }
  }

  /** Reads `appCenter.argocd` (instances, and `timeout` globally or per instance, e.g. '30s'). */
  static fromConfig(
    config: Config,
    options: Omit<ArgoCDClientOptions, 'timeoutMs'> = {},
  ): ArgoCDInstances {
    const argocd = config.getOptionalConfig('appCenter.argocd');
    const timeout = (c: Config | undefined) =>
      c?.has('timeout')
        ? durationToMilliseconds(readDurationFromConfig(c, { key: 'timeout' }))
        : undefined;
    const instances = (argocd?.getOptionalConfigArray('instances') ?? []).map(
      c => ({
        name: c.getString('name'),
        url: c.getString('url'),
        token: c.getString('token'),
        timeoutMs: timeout(c),
      }),
    );
    return new ArgoCDInstances(instances, {
      ...options,
      timeoutMs: timeout(argocd),
    });
  }

  names(): string[] {
    return [...this.clients.keys()];
  }

  /** The client of an instance; an unknown name is a configuration error (502: App Center cannot reach it). */
  get(name: string): ArgoCDClient {
    const client = this.clients.get(name);
    if (!client) {
      throw new ArgoCDUpstreamError(
        `Argo CD instance "${name}" is not configured (appCenter.argocd.instances has ${
          this.names()
            .map(n => `"${n}"`)
            .join(', ') || 'none'
        }); ask a portal admin to add it or change the project's instance`,
        { instance: name },
      );
    }
    return client;
  }
}
