import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type {
  ImageScan,
  ImageSecurityProvider,
  VulnerabilitySeverity,
} from '@internal/plugin-app-center-node';
import type { EnvironmentTarget } from '../deploy/targets';
import { ImageReference } from '../git';
import { rankOf, SEVERITIES } from './summarise';

/** One rule of `appCenter.security.policies` (config.d.ts says what each key means). */
export interface ImagePolicyRule {
  project?: string;
  environment?: string;
  kind?: string;
  refuse: VulnerabilitySeverity;
  requireScan?: boolean;
}

/** What the deploy kinds hand over: an app's images with the tag or digest they would deploy. */
export interface PlannedImage {
  app: string;
  image: string;
  tag?: string;
  digest?: string;
}

export function readImagePolicies(config: Config): ImagePolicyRule[] {
  return (
    config.getOptionalConfigArray('appCenter.security.policies') ?? []
  ).map(c => {
    const refuse = c.getString('refuse') as VulnerabilitySeverity;
    if (!SEVERITIES.includes(refuse))
      throw new Error(
        `appCenter.security.policies: refuse must be one of ${SEVERITIES.join(
          ', ',
        )}, not "${refuse}"`,
      );
    return {
      project: c.getOptionalString('project'),
      environment: c.getOptionalString('environment'),
      kind: c.getOptionalString('kind'),
      refuse,
      requireScan: c.getOptionalBoolean('requireScan'),
    };
  });
}

const MAX_NAMED = 5;

/** `CVE-2026-9999 (critical, libcurl 7.88.1, fixed in 8.9.0)` */
function describeFinding(f: ImageScan['findings'][number]) {
  return `${f.id} (${f.severity}, ${f.package}${
    f.installedVersion ? ` ${f.installedVersion}` : ''
  }${f.fixedVersion ? `, fixed in ${f.fixedVersion}` : ', no fix yet'})`;
}

/**
 * The environments' image-security policies (DESIGN.md section 9, issue "image security"): a deploy to an
 * environment a rule applies to is refused, before anything is queued, when a provider's scan of a new
 * image has findings at or above the rule's severity; the 400 names the findings. The strictest rule that
 * applies wins. An image no provider has scanned passes unless the rule says `requireScan`.
 */
export class ImagePolicy {
  constructor(
    private readonly deps: {
      rules: ImagePolicyRule[];
      providers: ImageSecurityProvider[];
    },
  ) {}

  /** The strictest rule for the environment, if any applies. */
  ruleFor(target: EnvironmentTarget): ImagePolicyRule | undefined {
    return this.deps.rules
      .filter(
        r =>
          (!r.project || r.project === target.project.name) &&
          (!r.environment || r.environment === target.env.name) &&
          (!r.kind || r.kind === target.env.kind),
      )
      .sort(
        (a, b) =>
          rankOf(a.refuse) - rankOf(b.refuse) ||
          Number(!!b.requireScan) - Number(!!a.requireScan),
      )[0];
  }

  async requireAllowed(
    target: EnvironmentTarget,
    images: PlannedImage[],
  ): Promise<void> {
    const rule = this.ruleFor(target);
    if (!rule || !images.length) return;
    const planned = images.map(i => ({
      ...i,
      reference: ImageReference.parse(i.image).withTag(i.tag, i.digest),
    }));
    const lookup = {
      project: target.project.name,
      environment: target.env.name,
      destination: target.env.destination,
      images: [...new Set(planned.map(p => p.reference))],
    };
    const scans: ImageScan[] = [];
    for (const provider of this.deps.providers) {
      if (!provider.scanImages) continue;
      // A policy that cannot ask its scanner refuses rather than lets an unchecked image through.
      const found = await provider.scanImages(lookup).catch(error => {
        throw Object.assign(
          new Error(
            `the image policy of environment ${
              target.env.name
            } could not be checked: ${provider.id}: ${
              (error as Error).message
            }`,
          ),
          { statusCode: 502 },
        );
      });
      scans.push(...found);
    }
    const refusals = planned.flatMap(p => {
      const mine = scans.filter(s => s.image === p.reference);
      if (!mine.length)
        return rule.requireScan
          ? [`${p.app}: ${p.reference} has not been scanned`]
          : [];
      const severe = mine
        .flatMap(s => s.findings)
        .filter(f => rankOf(f.severity) <= rankOf(rule.refuse))
        .sort((a, b) => rankOf(a.severity) - rankOf(b.severity));
      if (!severe.length) return [];
      const named = severe.slice(0, MAX_NAMED).map(describeFinding);
      const more =
        severe.length > MAX_NAMED
          ? ` and ${severe.length - MAX_NAMED} more`
          : '';
      return [`${p.app}: ${p.reference} has ${named.join(', ')}${more}`];
    });
    if (refusals.length)
      throw new InputError(
        `environment ${target.env.name} refuses images with ${
          rule.refuse
        } findings${
          rule.refuse === 'unknown' ? '' : ' or worse'
        } (appCenter.security.policies): ${refusals.join('; ')}`,
      );
  }
}
