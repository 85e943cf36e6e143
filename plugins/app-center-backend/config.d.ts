export interface Config {
  /** App Center: GitOps delivery of catalog Components to Kubernetes environments through Argo CD. */
  appCenter?: {
    /**
     * Argo CD instances App Center talks to, by name. A project names the instance that applies its manifests.
     */
    argocd?: {
      instances?: Array<{
        /** Name a project refers to, e.g. "prod-eu". A DNS-1123 label. */
        name: string;
        /** Base URL of the Argo CD server, e.g. https://argocd.example.com (no /api/v1). */
        url: string;
        /**
         * An Argo CD API-key token of a local account with rights on App Center's projects
         * (argocd account generate-token).
         * @visibility secret
         */
        token: string;
        /** Timeout of one request to this instance, e.g. '10s' or { seconds: 10 }. Default: appCenter.argocd.timeout. */
        timeout?:
          | string
          | { milliseconds?: number; seconds?: number; minutes?: number };
      }>;
      /**
       * Timeout of one request to Argo CD (a read, a write, or the start of a log stream), e.g. '30s' or
       * { seconds: 30 }. Default 30 seconds. A timeout is answered 504; reads are retried on network errors and
       * 502/503/504, writes never.
       */
      timeout?:
        | string
        | { milliseconds?: number; seconds?: number; minutes?: number };
    };
    /** The GitOps repositories: where the working clones live, who commits, and credentials per git host. */
    git?: {
      /**
       * Folder for the working clones (one per repository and branch). Default: `app-center-git` under
       * `backend.workingDirectory`, or under the system's temporary folder.
       */
      workingDirectory?: string;
      /**
       * The bot identity that commits (the author is the requesting user, from the catalog).
       * Default "App Center" with a no-reply address.
       */
      committer?: { name?: string; email?: string };
      /** Most working clones kept on disk; the least recently used idle one is removed beyond it. Default 50. */
      maxClones?: number;
      /** Push attempts of one write when other writers keep moving the branch, before a 409. Default 5. */
      maxPushAttempts?: number;
      /**
       * Credentials for git hosts that have no Backstage integration (`integrations.*` is used first for
       * GitHub, GitLab, Azure DevOps, Bitbucket, Gitea and Gerrit). Exactly one of token or password.
       * A token is sent as a Bearer token, or as the Basic password when a username is given.
       */
      credentials?: Array<{
        /** Host with the port when it is not the default, e.g. git.example.com or localhost:7011. */
        host: string;
        username?: string;
        /** @visibility secret */
        token?: string;
        /** @visibility secret */
        password?: string;
      }>;
    };
    /** The deploy engine (batch deploy, scale, autoscaling, rollback, sync). */
    deploy?: {
      /**
       * How long an app may take, after its sync was requested, to finish the operation and become healthy
       * before its deploy step fails as timed out. Default 300.
       */
      timeoutSeconds?: number;
    };
    /** The task queue (deploys, syncs, rollbacks ...) that the backend replicas share. */
    tasks?: {
      /** How many tasks one replica runs at once. Default 8. */
      concurrency?: number;
      /** How long a replica holds a task without a heartbeat before another resumes it. Default 30. */
      leaseSeconds?: number;
      /** How long finished tasks are kept. Default 30. */
      retentionDays?: number;
    };
    /** Image security: where vulnerability findings come from, and what each environment refuses. */
    security?: {
      /**
       * Policies refusing deploys (400 before anything is queued) of images whose scans have findings at or
       * above a severity. A rule applies to the environments that match all the selectors it gives; the
       * strictest applicable rule wins. E.g. `{ kind: prod, refuse: critical }`.
       */
      policies?: Array<{
        /** Only this project's environments. */
        project?: string;
        /** Only environments of this name. */
        environment?: string;
        /** Only environments of this kind (dev, test, staging, prod). */
        kind?: string;
        /** The lowest severity refused: critical, high, medium, low or unknown. */
        refuse: 'critical' | 'high' | 'medium' | 'low' | 'unknown';
        /** Also refuse images no provider has scanned. Default false. */
        requireScan?: boolean;
      }>;
      /** trivy-operator's VulnerabilityReports, read from the clusters the environments deploy to. */
      trivyOperator?: {
        clusters: Array<{
          /** Matched against an environment's Argo CD destination name (e.g. in-cluster). */
          name: string;
          /** The Kubernetes API URL (also matched against a destination server). Exactly one of url or kubeconfig. */
          url?: string;
          /**
           * A token that may list vulnerabilityreports.aquasecurity.github.io in the environments' namespaces.
           * @visibility secret
           */
          token?: string;
          /** The cluster's CA certificate, base64-encoded PEM. */
          caData?: string;
          /** Skip TLS verification (development clusters only). */
          skipTLSVerify?: boolean;
          /** A kubeconfig file (its current context) instead of url, token and caData. */
          kubeconfig?: string;
        }>;
      };
    };
    /**
     * Container registries App Center lists image tags from (the deploy dialog's tag picker), with their
     * credentials. Registries without an entry are queried anonymously over https.
     */
    registries?: Array<{
      /**
       * Registry host with the port when it is not the default, e.g. registry.example.com or
       * registry.example.com:5000. Use docker.io for Docker Hub.
       */
      host: string;
      /** User for Basic authentication, or for the token service of a Bearer challenge. */
      username?: string;
      /** @visibility secret */
      password?: string;
      /**
       * With a username: used as the password (e.g. a robot or personal access token). Without one: sent to
       * the registry as a Bearer token as is.
       * @visibility secret
       */
      token?: string;
      /** Plain http instead of https (and an http token realm accepted). For registries on a trusted network only. */
      insecure?: boolean;
    }>;
    /** Tag listing of `GET /images/tags`. */
    registryTags?: {
      /** How long a tag list and its order are reused. Default 30. */
      cacheSeconds?: number;
      /** Timeout of one registry request. Default 10. */
      timeoutSeconds?: number;
      /** Tags asked of the registry per tags/list page (the `n` parameter). Default 1000. */
      registryPageSize?: number;
      /**
       * Most tags whose creation time is looked up per listing (each costs a manifest and a config request):
       * the first page's newest-looking tags, at most this many. Default 100.
       */
      maxCreatedLookups?: number;
      /** Registry requests in flight at once while looking up creation times. Default 4. */
      lookupConcurrency?: number;
      /**
       * Only list tags of registries configured in appCenter.registries or handled by a registry provider
       * (others answer 403). Default false: a signed-in user may also list the tags of a registry that an
       * image in one of their projects comes from, when it resolves only to public addresses (loopback,
       * link-local and private registries must be configured).
       */
      onlyConfiguredRegistries?: boolean;
    };
    /**
     * Tenancy kept in git: tenants with their projects and environments, loaded at start-up idempotently.
     * Entries that come from here are read-only in the portal; change them here.
     */
    tenants?: Array<{
      /** DNS-1123 label. */
      name: string;
      title?: string;
      /** Catalog Group refs (group:default/team-a) whose members belong to the tenant. */
      groups?: string[];
      /** Catalog Group refs whose members administer the tenant. */
      adminGroups?: string[];
      projects?: Array<{
        /** DNS-1123 label, unique across tenants. */
        name: string;
        title?: string;
        description?: string;
        /** The GitOps repository: url (https), branch (default main), dir (default the repository root). */
        repo: { url: string; branch?: string; dir?: string };
        /** Argo CD instance name (appCenter.argocd.instances) and AppProject (default "default"). */
        argocd: { instance: string; project?: string };
        /** Whether manifests may hold cluster-scoped kinds. Default false. */
        allowClusterScoped?: boolean;
        environments?: Array<{
          /** DNS-1123 label, unique in the project. */
          name: string;
          title?: string;
          /** dev, test or prod. */
          kind: 'dev' | 'test' | 'prod';
          /** Argo CD destination: exactly one of name or server, and the namespace. */
          destination: { name?: string; server?: string; namespace: string };
          /** When true, only deployerGroups (and tenant admins) may deploy. Default false. */
          protected?: boolean;
          deployerGroups?: string[];
          /** Kubernetes cluster name for direct reads. */
          cluster?: string;
        }>;
      }>;
    }>;
  };
}
