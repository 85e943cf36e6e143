export interface Config {
  appCenter?: {
    /**
     * Harbor instances App Center lists image tags from (with push times and labels), instead of the
     * registry's OCI API. Without instances the Harbor module does nothing.
     */
    harbor?: {
      instances?: Array<{
        /** Harbor's host with the port when it is not the default, as written in image references, e.g. harbor.example.com. */
        host: string;
        /** A Harbor user or robot account (robot$app-center) that may read the projects' artifacts. */
        username: string;
        /** @visibility secret */
        password: string;
        /** Plain http instead of https. For instances on a trusted network only. */
        insecure?: boolean;
      }>;
      /** Harbor labels that mark an artifact's tags as not to be deployed. Default ["unpublishable"]. Compared case-insensitively. */
      unpublishableLabels?: string[];
      /** Timeout of one Harbor request, in seconds. Default 10. */
      timeoutSeconds?: number;
    };
  };
}
