import * as k8s from '@kubernetes/client-node';
import type {
  ImageScan,
  ImageScanLookup,
  ImageSecurityProvider,
  ImageSecurityRequest,
  VulnerabilityFinding,
  VulnerabilitySeverity,
} from '@internal/plugin-app-center-node';
import { ImageReference } from '../../git';
import type { TrivyOperatorCluster } from './config';

const GROUP = 'aquasecurity.github.io';
const VERSION = 'v1alpha1';
const PLURAL = 'vulnerabilityreports';
const LABEL = {
  kind: 'trivy-operator.resource.kind',
  name: 'trivy-operator.resource.name',
  namespace: 'trivy-operator.resource.namespace',
  container: 'trivy-operator.container.name',
};

/** The parts of a VulnerabilityReport App Center reads. */
interface VulnerabilityReport {
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
  };
  report?: {
    updateTimestamp?: string;
    registry?: { server?: string };
    artifact?: { repository?: string; tag?: string; digest?: string };
    vulnerabilities?: Array<{
      vulnerabilityID?: string;
      resource?: string;
      installedVersion?: string;
      fixedVersion?: string;
      severity?: string;
      title?: string;
      primaryLink?: string;
    }>;
  };
}

function kubeConfigOf(cluster: TrivyOperatorCluster): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  if (cluster.kubeconfig) {
    kc.loadFromFile(cluster.kubeconfig);
    return kc;
  }
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url!,
        caData: cluster.caData,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
      },
    ],
    users: [{ name: 'app-center', token: cluster.token }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'app-center' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

const SEVERITY: Record<string, VulnerabilitySeverity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
};

function findingsOf(report: VulnerabilityReport): VulnerabilityFinding[] {
  return (report.report?.vulnerabilities ?? []).map(v => ({
    id: v.vulnerabilityID ?? 'unknown',
    severity: SEVERITY[(v.severity ?? '').toUpperCase()] ?? 'unknown',
    package: v.resource ?? '',
    ...(v.installedVersion ? { installedVersion: v.installedVersion } : {}),
    ...(v.fixedVersion ? { fixedVersion: v.fixedVersion } : {}),
    ...(v.title ? { title: v.title } : {}),
    ...(v.primaryLink ? { url: v.primaryLink } : {}),
  }));
}

/** The image (of those asked about) a report scanned: same repository and the same tag (or digest). */
function runningImageOf(
  report: VulnerabilityReport,
  running: ImageReference[],
): ImageReference | undefined {
  const artifact = report.report?.artifact;
  if (!artifact?.repository) return undefined;
  const server = report.report?.registry?.server;
  const scanned = ImageReference.tryParse(
    server ? `${server}/${artifact.repository}` : artifact.repository,
  );
  if (!scanned.ok) return undefined;
  return running.find(
    r =>
      r.sameRepository(scanned.value) &&
      ((artifact.digest && r.digest === artifact.digest) ||
        (r.tag ?? 'latest') === (artifact.tag ?? 'latest')),
  );
}

/**
 * trivy-operator's VulnerabilityReports, read from the environment's cluster (the configured cluster whose
 * name is the Argo CD destination's name, or whose url is its server). A report belongs to the app when its
 * `trivy-operator.resource.*` labels name one of the app's workloads, and to a running image when its
 * artifact is that image. The link is the report object in the Kubernetes API.
 */
export class TrivyOperatorProvider implements ImageSecurityProvider {
  readonly id = 'trivy-operator';
  private readonly clients = new Map<
    string,
    { api: k8s.CustomObjectsApi; server: string }
  >();

  constructor(private readonly clusters: TrivyOperatorCluster[]) {}

  private client(request: { destination: ImageScanLookup['destination'] }) {
    const { name, server } = request.destination;
    const cluster = this.clusters.find(
      c => (name && c.name === name) || (server && c.url === server),
    );
    if (!cluster) return undefined;
    let client = this.clients.get(cluster.name);
    if (!client) {
      const kc = kubeConfigOf(cluster);
      client = {
        api: kc.makeApiClient(k8s.CustomObjectsApi),
        server: kc.getCurrentCluster()?.server ?? '',
      };
      this.clients.set(cluster.name, client);
    }
    return client;
  }

  async scan(request: ImageSecurityRequest): Promise<ImageScan[]> {
    const client = this.client(request);
    if (!client || !request.workloads.length) return [];
    const workloads = new Set(
      request.workloads.map(w => `${w.kind}/${w.namespace}/${w.name}`),
    );
    const namespaces = [...new Set(request.workloads.map(w => w.namespace))];
    const reports: VulnerabilityReport[] = [];
    for (const namespace of namespaces)
      reports.push(...(await list(client.api, namespace)));
    return scansOf(
      reports.filter(report => {
        const labels = report.metadata.labels ?? {};
        const workload = `${labels[LABEL.kind]}/${labels[LABEL.namespace]}/${
          labels[LABEL.name]
        }`;
        return workloads.has(workload) && !!labels[LABEL.container];
      }),
      request.images,
      client.server,
    );
  }

  /** Reports anywhere in the environment's cluster whose artifact is one of the images. */
  async scanImages(request: ImageScanLookup): Promise<ImageScan[]> {
    const client = this.client(request);
    if (!client || !request.images.length) return [];
    return scansOf(await list(client.api), request.images, client.server);
  }
}

/** The VulnerabilityReports of a namespace, or of the whole cluster. */
async function list(
  api: k8s.CustomObjectsApi,
  namespace?: string,
): Promise<VulnerabilityReport[]> {
  const request = { group: GROUP, version: VERSION, plural: PLURAL };
  const answer = await (namespace
    ? api.listNamespacedCustomObject({ ...request, namespace })
    : api.listClusterCustomObject(request)
  ).catch(error => {
    throw upstreamError(error);
  });
  return (answer?.items ?? []) as VulnerabilityReport[];
}

/** One scan per image (the same image in several workloads, e.g. old and new ReplicaSets, is one scan). */
function scansOf(
  reports: VulnerabilityReport[],
  images: string[],
  server: string,
): ImageScan[] {
  const parsed = images.flatMap(i => {
    const p = ImageReference.tryParse(i);
    return p.ok ? [{ reference: i, image: p.value }] : [];
  });
  const scans = new Map<string, ImageScan>();
  for (const report of reports) {
    const image = runningImageOf(
      report,
      parsed.map(p => p.image),
    );
    if (!image) continue;
    const reference = parsed.find(p => p.image === image)!.reference;
    if (scans.has(reference)) continue;
    scans.set(reference, {
      image: reference,
      findings: findingsOf(report),
      url: `${server}/apis/${GROUP}/${VERSION}/namespaces/${report.metadata.namespace}/${PLURAL}/${report.metadata.name}`,
      ...(report.report?.updateTimestamp
        ? { scannedAt: report.report.updateTimestamp }
        : {}),
    });
  }
  return [...scans.values()];
}

/** A clear 502 naming the Kubernetes API's answer (never the token). */
function upstreamError(error: unknown): Error {
  const e = error as { code?: number; body?: unknown; message?: string };
  let detail = e.message ?? String(error);
  if (typeof e.body === 'string') {
    try {
      detail = JSON.parse(e.body).message ?? detail;
    } catch {
      // not JSON: keep the message
    }
  }
  const failure = new Error(
    `trivy-operator: reading VulnerabilityReports failed${
      e.code ? ` (HTTP ${e.code})` : ''
    }: ${detail}`,
  );
  return Object.assign(failure, { statusCode: 502 });
}
