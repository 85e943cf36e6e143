import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { NotAllowedError } from '@backstage/errors';

/** Resolves a host name to its addresses (node's `dns.lookup`, all families). */
export type AddressLookup = (hostname: string) => Promise<string[]>;

const defaultLookup: AddressLookup = async hostname =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(
    a => a.address,
  );

/** The host name of `host[:port]` or `[v6]:port`, without brackets and port. */
export function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1];
  return host.split(':').length === 2 ? host.split(':')[0] : host;
}

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const V4_BLOCKS: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.168.0.0', 16], // private
  ['224.0.0.0', 3], // multicast and reserved
];

/** Whether an IP address is loopback, link-local, private or otherwise not a public unicast address. */
export function isNonPublicAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = ipv4Number(ip);
    return V4_BLOCKS.some(([base, bits]) => {
      const size = 2 ** (32 - bits);
      const start = ipv4Number(base);
      return n >= start && n < start + size;
    });
  }
  const v6 = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return isNonPublicAddress(mapped[1]);
  return (
    v6 === '::' ||
    v6 === '::1' ||
    /^f[cd]/.test(v6) || // unique local
    /^fe[89ab]/.test(v6) || // link-local
    /^ff/.test(v6) // multicast
  );
}

/**
 * Which registry hosts a caller may make App Center query (issue: the tag lookup must not work as a network
 * probe). Configured hosts (`appCenter.registries`, or a provider's) always; otherwise, unless
 * `onlyConfiguredRegistries`, a registry of an image already in one of the caller's projects, and only when
 * every address it resolves to is public (no loopback, link-local or private address unless configured).
 */
export class RegistryHostPolicy {
  private readonly lookup: AddressLookup;

  constructor(
    private readonly options: {
      isConfigured: (host: string) => boolean;
      onlyConfigured: boolean;
      lookup?: AddressLookup;
    },
  ) {
    this.lookup = options.lookup ?? defaultLookup;
  }

  /** Whether App Center's own config names the host (its errors may then be shown in full). */
  isConfigured(host: string): boolean {
    return this.options.isConfigured(host);
  }

  /**
   * Throws NotAllowedError unless the host may be queried. `projectRegistries` lists the registry hosts of
   * the images in the caller's projects; it is only asked for hosts that are not configured.
   */
  async check(
    host: string,
    projectRegistries: () => Promise<Iterable<string>>,
  ): Promise<void> {
    if (this.options.isConfigured(host)) return;
    const refuse = (why: string) =>
      new NotAllowedError(
        `registry ${host} is not one App Center may query: ${why}; a portal admin can add it under appCenter.registries`,
      );
    if (this.options.onlyConfigured)
      throw refuse('only configured registries are looked up');
    if (!new Set(await projectRegistries()).has(host))
      throw refuse('no image of your projects comes from it');
    const hostname = hostnameOf(host);
    let addresses: string[];
    try {
      addresses = isIP(hostname) ? [hostname] : await this.lookup(hostname);
    } catch {
      // Whether a name resolves is itself an answer a probe wants: say the same as for a private address.
      throw refuse('it does not resolve to a public address');
    }
    if (addresses.length === 0 || addresses.some(isNonPublicAddress))
      throw refuse('it does not resolve to a public address');
  }
}
