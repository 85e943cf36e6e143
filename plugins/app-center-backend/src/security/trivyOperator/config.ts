import type { Config } from '@backstage/config';

/** One cluster trivy-operator runs in, as `appCenter.security.trivyOperator.clusters[]` declares it. */
export interface TrivyOperatorCluster {
  /** Matched against the environment's Argo CD destination `name` (e.g. `in-cluster`). */
  name: string;
  /** The Kubernetes API URL; also matched against a destination `server`. */
  url?: string;
  token?: string;
  caData?: string;
  skipTLSVerify?: boolean;
  /** A kubeconfig file instead of url/token/caData (its current context is used). */
  kubeconfig?: string;
}

/** The clusters whose VulnerabilityReports App Center reads; none when the key is absent. */
export function readTrivyOperatorClusters(
  config: Config,
): TrivyOperatorCluster[] {
  const clusters =
    config.getOptionalConfigArray(
      'appCenter.security.trivyOperator.clusters',
    ) ?? [];
  return clusters.map(c => {
    const cluster: TrivyOperatorCluster = {
      name: c.getString('name'),
      url: c.getOptionalString('url'),
      token: c.getOptionalString('token'),
      caData: c.getOptionalString('caData'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
      kubeconfig: c.getOptionalString('kubeconfig'),
    };
    if (!cluster.url === !cluster.kubeconfig)
      throw new Error(
        `appCenter.security.trivyOperator.clusters: cluster "${cluster.name}" needs exactly one of url or kubeconfig`,
      );
    return cluster;
  });
}
