import type { Config } from '@backstage/config';

/** One cluster trivy-operator runs in (`appCenter.security.trivyOperator.clusters[]`; config.d.ts says what each key means). */
export type TrivyOperatorCluster = {
  name: string;
} & Partial<
  Record<'url' | 'token' | 'caData' | 'kubeconfig', string> &
    Record<'skipTLSVerify', boolean>
>;

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
