import type { components } from '@internal/plugin-app-center-common';
import type {
  ImageScan,
  VulnerabilityFinding,
  VulnerabilitySeverity,
} from '@internal/plugin-app-center-node';

export type ImageSecurityReport = components['schemas']['ImageSecurityReport'];
export type SeverityCounts = components['schemas']['SeverityCounts'];

/** Highest first: the order counts, top findings and policies use. */
export const SEVERITIES: VulnerabilitySeverity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'unknown',
];

const TOP_FINDINGS = 10;

export const rankOf = (severity: VulnerabilitySeverity) =>
  SEVERITIES.indexOf(severity);

/** Counts per severity of a list of findings. */
export function countSeverities(
  findings: VulnerabilityFinding[],
): SeverityCounts {
  const counts: SeverityCounts = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    unknown: 0,
  };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/**
 * One scan as the route shows it: counts, how many findings have a fix, and the most severe findings
 * (within a severity the fixable ones first: those are what a developer can act on now).
 */
export function summariseScan(
  provider: string,
  scan: ImageScan,
): ImageSecurityReport {
  const top = [...scan.findings]
    .sort(
      (a, b) =>
        rankOf(a.severity) - rankOf(b.severity) ||
        Number(!a.fixedVersion) - Number(!b.fixedVersion) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, TOP_FINDINGS);
  return {
    image: scan.image,
    scanned: true,
    provider,
    ...(scan.url ? { url: scan.url } : {}),
    ...(scan.scannedAt ? { scannedAt: scan.scannedAt } : {}),
    counts: countSeverities(scan.findings),
    fixable: scan.findings.filter(f => !!f.fixedVersion).length,
    topFindings: top,
  };
}

/** A running image no provider has a scan of. */
export function unscanned(image: string): ImageSecurityReport {
  return {
    image,
    scanned: false,
    counts: countSeverities([]),
    fixable: 0,
    topFindings: [],
  };
}
