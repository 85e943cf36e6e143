// This file is generated from plugins/app-center-backend/src/schema/openapi.yaml by
// `yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.

/* eslint-disable */
export type paths = {
  '/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Tenants the caller can see (all of them for portal admins, the caller's own otherwise). */
    get: operations['listTenants'];
    put?: never;
    post: operations['createTenant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tenants/{tenant}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenant: components['parameters']['tenant'];
      };
      cookie?: never;
    };
    get: operations['getTenant'];
    /** @description Replaces the tenant's title, groups and admin groups (a full replacement, not a partial update): `groups` and `adminGroups` are required (send `[]` to clear one), and a missing title becomes the tenant's name, as on create. */
    put: operations['updateTenant'];
    post?: never;
    delete: operations['deleteTenant'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['listProjects'];
    put?: never;
    /** @description The project's Argo CD AppProject must exist and allow its repository (sourceRepos) and, on update, every environment's destination; otherwise 400 names what to add. 502/504 when Argo CD cannot be asked. */
    post: operations['createProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    get: operations['getProject'];
    /** @description The project's Argo CD AppProject must exist and allow its repository (sourceRepos) and, on update, every environment's destination; otherwise 400 names what to add. 502/504 when Argo CD cannot be asked. */
    put: operations['updateProject'];
    post?: never;
    delete: operations['deleteProject'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    get: operations['listEnvironments'];
    put?: never;
    /** @description The project's Argo CD AppProject must allow the environment's destination (destinations, with globs and `!` deny entries); otherwise 400 names what to add. 502/504 when Argo CD cannot be asked. */
    post: operations['createEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    get: operations['getEnvironment'];
    /** @description The project's Argo CD AppProject must allow the environment's destination (destinations, with globs and `!` deny entries); otherwise 400 names what to add. 502/504 when Argo CD cannot be asked. */
    put: operations['updateEnvironment'];
    post?: never;
    delete: operations['deleteEnvironment'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description What the caller may do, so the frontend can hide what the backend would refuse. */
    get: operations['getAccess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Choices the admin forms need (the configured Argo CD instance names). */
    get: operations['getPortalConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Batch deploy: one commit with the new tags of every app, then each app synced to exactly that commit and watched until healthy, degraded or timed out (a step per app). Refused (400, nothing queued) when an app is not associated, an image is not in the app's manifests (exact repository match), a tag is neither a valid tag nor a digest, the registry marks a tag unpublishable, or the environment's image policy (appCenter.security.policies) refuses a scanned image's findings (the 400 names them). */
    post: operations['deployApps'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/scale': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Sets the replicas of the app's workload in git (the Rollout, not a Deployment behind its workloadRef), commits and syncs. 409 while a HorizontalPodAutoscaler in the app's manifests targets the workload. */
    post: operations['scaleApp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/autoscaling': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get?: never;
    /** @description Writes an autoscaling/v2 HorizontalPodAutoscaler (hpa.yaml next to the workload), commits and syncs. */
    put: operations['setAutoscaling'];
    post?: never;
    /** @description Deletes the workload's autoscaler file, commits and syncs with prune. */
    delete: operations['removeAutoscaling'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Restores the app's folder exactly as it was at a revision of its deploy history (files added since are removed, deleted ones restored), commits, syncs with prune and watches. 400 for a revision not in the history. */
    post: operations['rollbackApp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/sync': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Syncs the whole app (pinned to the branch head when the task starts) or some of its resources. */
    post: operations['syncApp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/resource/sync': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Syncs one resource of the app (a partial sync). */
    post: operations['syncAppResource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/history': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description Argo CD's deploy history, newest first, joined with git (author, message, images at that commit) and the App Center task that made the commit. Paged: pass nextCursor as cursor for the next page. */
    get: operations['getDeployHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/files': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description The app's manifest files in this environment and the revision they were read at. */
    get: operations['getEnvironmentAppFiles'];
    /** @description Writes and deletes files in one commit authored by the caller (400 with issues at line and column; 409 with both revisions when based on a stale revision). With sync, a sync task pinned to the new commit is queued and returned as `task`. */
    put: operations['writeEnvironmentAppFiles'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    /** @description Platform apps (associated in git, Argo CD Applications App Center manages, or both) and store apps (other Applications in the environment's namespace, e.g. Helm charts). One Argo CD list call per request. */
    get: operations['listEnvironmentApps'];
    put?: never;
    /** @description Copies the template into the environment (envs/<env>/<app>/ with its provenance) and creates the Argo CD Application, without syncing. Refused when the environment already has the app, unless overwrite. */
    post: operations['associateApp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get: operations['getEnvironmentApp'];
    put?: never;
    post?: never;
    /** @description Deletes the Argo CD Application (cascade: its resources go too), then removes the app's folder, in that order. When a step fails the answer says which state is left. */
    delete: operations['disassociateApp'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/recreate': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Recreates the app's missing Argo CD Application from what git holds, without touching the files (no sync): the way out of "no-application" that keeps the environment's edits. 404 when git has no such app, 409 when the Application exists. The environment's deployers only. */
    post: operations['recreateApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entity-apps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description What a catalog Component's Deployments tab shows, in one request: the app named by its app-center.io/app annotation in every environment of its project. */
    get: operations['getEntityApps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/image-security': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description Per image the app runs: counts of critical, high, medium, low and unknown findings, how many have a fix, the top findings and a link to the provider. With no provider configured, `configured` is false and `message` says how to configure one. Readers of the project may ask. */
    get: operations['getImageSecurity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/images/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The tags of the image's repository, from a registry provider (e.g. Harbor, through the app-center-node extension point) or the registry's OCI distribution API, newest first. The OCI API has no times in its tag list: the first page's newest-looking tags (by name) get their creation time from the registry and lead the listing in creation order; `order` says how the listing was ordered. Tags a provider marks unpublishable say so (publishable false, reason). Any signed-in user may ask; the portal may limit the registries (appCenter.registryTags.onlyConfiguredRegistries). Tag lists are cached briefly (appCenter.registryTags.cacheSeconds). */
    get: operations['listImageTags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/resource-tree': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description The app's live resources as a tree rooted at its Argo CD Application: each node nested under its owner (parentRefs), with kind, name, namespace, health, sync status (managed resources), images (Pods) and orphaned resources marked. */
    get: operations['getResourceTree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/resource-tree/stream': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description The same tree as server-sent events: a `tree` event (a ResourceTree) each time Argo CD's tree changes, comments as heartbeats, and an `error` event (`{ message }`) when the upstream stream fails. A client that reconnects gets the whole current tree first, so nothing is lost. */
    get: operations['streamResourceTree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/resource': {
    parameters: {
      query: {
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        /** @description API version, e.g. v1. */
        version: components['parameters']['resourceVersion'];
        kind: components['parameters']['resourceKind'];
        namespace?: components['parameters']['resourceNamespace'];
        name: components['parameters']['resourceName'];
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description The live manifest of one resource of the app's tree (Secret values masked by Argo CD). */
    get: operations['getResource'];
    put?: never;
    post?: never;
    /** @description Deletes one live resource of the app, as a task (Argo CD re-creates it at the next sync, or at once under self-heal; a Deployment re-creates a deleted Pod). Protected environments need a deployer group. */
    delete: operations['deleteResource'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/resource/diff': {
    parameters: {
      query: {
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        kind: components['parameters']['resourceKind'];
        namespace?: components['parameters']['resourceNamespace'];
        name: components['parameters']['resourceName'];
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description The desired state (from git) against the normalised live state of one managed resource, as YAML, and their unified diff, as Argo CD's UI computes it from managed-resources. The diff is empty when in sync. */
    get: operations['getResourceDiff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/resource/events': {
    parameters: {
      query?: {
        namespace?: string;
        name?: string;
        /** @description The resource's UID from the tree; with namespace and name, the events of that resource. */
        uid?: string;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description Kubernetes events of one resource (namespace, name and uid together), or of the Application itself without them; newest first. */
    get: operations['listResourceEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/environments/{env}/apps/{app}/logs': {
    parameters: {
      query?: {
        /** @description One pod's name; or give kind and name of a workload to merge all of its pods. */
        pod?: string;
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        kind?: string;
        name?: string;
        container?: string;
        follow?: boolean;
        tailLines?: number;
        sinceSeconds?: number;
        /** @description The logs of the previous container (after a restart). */
        previous?: boolean;
        /** @description Keep lines containing this text; a leading ! keeps the others. */
        filter?: string;
        /** @description Answer the lines as a text file (attachment) rather than events; never follows. */
        download?: boolean;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    /** @description Pod logs as server-sent events: `line` events (`{ pod, timestamp, content }`, the event id is the line's timestamp, so a reconnect with Last-Event-ID repeats no line), comments as heartbeats, an `error` event (`{ message }`) when the upstream stream fails and an `end` event when it ends. Too many matching pods, or a container the pod does not have, is a 400 before the stream starts. */
    get: operations['streamLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Tasks of the projects the caller can see, newest first. */
    get: operations['listTasks'];
    put?: never;
    /** @description Starts a task of any kind the backend runs (App Center's own and those backend modules add) in one environment of a project: 403 unless the caller may deploy there, 400 when the input does not fit the kind (its schema, then its own checks); otherwise the task is queued with its planned steps. */
    post: operations['startTask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    get: operations['getTask'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tasks/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Cancels a pending task at once; asks a running one to stop at its next step or check. */
    post: operations['cancelTask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/templates': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    /** @description The project's templates with a summary each (files, kinds, images). Summaries are cached by the template folder's tree id, so a template is parsed again only when it changed. Any member of the project's tenant. */
    get: operations['listTemplates'];
    put?: never;
    /** @description Creates a template from files or from a starter (image, port, replicas: a Deployment and a Service). Tenant admins only. 409 when the template exists. */
    post: operations['createTemplate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/templates/{app}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    get: operations['getTemplate'];
    put?: never;
    post?: never;
    /** @description Deletes the template folder. Environment copies stay. Tenant admins only. */
    delete: operations['deleteTemplate'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/templates/{app}/files': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    /** @description The template's manifest files and the revision they were read at (send it back as baseRevision). */
    get: operations['getTemplateFiles'];
    /** @description Writes and deletes files in one commit authored by the caller. Every written file is validated (400 with issues at their line and column). With baseRevision, refused (409) when any of the files changed since. Tenant admins only. */
    put: operations['writeTemplateFiles'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/templates/{app}/drift': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    /** @description Per environment holding a copy of the template: the template changes since the copy (files with a unified diff each). Environments of the project without a copy are listed in `notAssociated`. */
    get: operations['getTemplateDrift'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/projects/{project}/templates/{app}/drift/{env}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Merges the template changes into the environment's copy (three-way: the template as copied, the environment's files, the template now) and records the new provenance, in one commit. YAML files merge by document (kind and name) and key path, lists of named items by name, and keep the environment's comments. A value both sides changed takes the side `resolutions` chose for it; any left unresolved is a 409 listing each (`error.conflicts`); nothing is written then. Tenant admins only. */
    post: operations['applyTemplateDrift'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    /**
     * @description `config` when the entry comes from appCenter.tenants in app-config (read-only in the portal), `portal` otherwise.
     * @enum {string}
     */
    Source: 'config' | 'portal';
    /** @description The whole new state of the tenant (PUT replaces it; nothing is kept from before). */
    TenantUpdate: {
      title?: string;
      /** @description Catalog Group refs whose members belong to the tenant. */
      groups: string[];
      /** @description Catalog Group refs whose members administer the tenant. */
      adminGroups: string[];
    };
    TenantInput: {
      /** @description A DNS-1123 label (lower-case letters, digits and "-", at most 63 characters). */
      name: string;
      title?: string;
      /** @description Catalog Group refs whose members belong to the tenant. */
      groups?: string[];
      /** @description Catalog Group refs whose members administer the tenant. */
      adminGroups?: string[];
    };
    Tenant: {
      name: string;
      title: string;
      groups: string[];
      adminGroups: string[];
      source: components['schemas']['Source'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    RepoLocation: {
      /** @description Clone URL of the GitOps repository (https). */
      url: string;
      /** @description Branch App Center commits to (default main). */
      branch?: string;
      /** @description Folder inside the repository that holds the projects (default the root). */
      dir?: string;
    };
    ArgoCDTarget: {
      /** @description Name of an Argo CD instance in appCenter.argocd.instances. */
      instance: string;
      /** @description Argo CD AppProject (default "default"). */
      project?: string;
    };
    ProjectUpdate: {
      tenant: string;
      title?: string;
      description?: string;
      repo: components['schemas']['RepoLocation'];
      argocd: components['schemas']['ArgoCDTarget'];
      /** @description Whether manifests of this project may hold cluster-scoped kinds (Namespace, ClusterRole...). */
      allowClusterScoped?: boolean;
    };
    ProjectInput: {
      /** @description A DNS-1123 label (lower-case letters, digits and "-", at most 63 characters). */
      name: string;
      tenant: string;
      title?: string;
      description?: string;
      repo: components['schemas']['RepoLocation'];
      argocd: components['schemas']['ArgoCDTarget'];
      /** @description Whether manifests of this project may hold cluster-scoped kinds (Namespace, ClusterRole...). */
      allowClusterScoped?: boolean;
    };
    Project: {
      name: string;
      tenant: string;
      title: string;
      description: string;
      repo: {
        url: string;
        branch: string;
        dir: string;
      };
      argocd: {
        instance: string;
        project: string;
      };
      allowClusterScoped: boolean;
      source: components['schemas']['Source'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** @enum {string} */
    EnvironmentKind: 'dev' | 'test' | 'prod';
    /** @description Argo CD destination. Exactly one of name (a cluster registered in Argo CD) or server (its API URL). */
    Destination: {
      name?: string;
      server?: string;
      namespace: string;
    };
    EnvironmentUpdate: {
      title?: string;
      kind: components['schemas']['EnvironmentKind'];
      destination: components['schemas']['Destination'];
      /** @description When true, only members of deployerGroups (and tenant admins) may deploy. */
      protected?: boolean;
      deployerGroups?: string[];
      /** @description Optional Kubernetes cluster name for direct reads. */
      cluster?: string;
    };
    EnvironmentInput: {
      /** @description A DNS-1123 label (lower-case letters, digits and "-", at most 63 characters). */
      name: string;
      title?: string;
      kind: components['schemas']['EnvironmentKind'];
      destination: components['schemas']['Destination'];
      /** @description When true, only members of deployerGroups (and tenant admins) may deploy. */
      protected?: boolean;
      deployerGroups?: string[];
      /** @description Optional Kubernetes cluster name for direct reads. */
      cluster?: string;
    };
    Environment: {
      name: string;
      project: string;
      title: string;
      kind: components['schemas']['EnvironmentKind'];
      destination: {
        name?: string;
        server?: string;
        namespace: string;
      };
      protected: boolean;
      deployerGroups: string[];
      cluster?: string;
      source: components['schemas']['Source'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    /** @description Whether the caller may do one thing here; when not, why (the domain rule or the portal's policy that refuses). */
    Capability: {
      allowed: boolean;
      /** @description Why not, in words the user can act on (e.g. which groups may deploy to a protected environment). */
      reason?: string;
    };
    /** @description What the caller may do on the target of the response (a project, or an environment of it), decided by the backend's one access resolver: App Center's rules and the portal's permission policy together. The UI offers an action only when it is allowed, and shows the reason when it is not. */
    Capabilities: {
      read: components['schemas']['Capability'];
      editTemplates: components['schemas']['Capability'];
      editEnvironmentApp: components['schemas']['Capability'];
      deploy: components['schemas']['Capability'];
      manage: components['schemas']['Capability'];
    };
    Access: {
      portalAdmin: boolean;
      tenants: {
        tenant: string;
        admin: boolean;
      }[];
    };
    DeployImage: {
      /** @description Image repository as the manifests name it, e.g. registry.example.com/shop/web. */
      image: string;
      /** @description A tag, or a digest (sha256:<hex>). */
      tag: string;
    };
    DeployInput: {
      apps: {
        app: string;
        images: components['schemas']['DeployImage'][];
      }[];
      message?: string;
    };
    ScaleInput: {
      replicas: number;
      /** @description The workload */
      workload?: string;
    };
    AutoscalingInput: {
      minReplicas: number;
      maxReplicas: number;
      cpuUtilization?: number;
      memoryUtilization?: number;
      workload?: string;
    };
    RollbackInput: {
      /** @description A commit SHA from the app's deploy history. */
      revision: string;
    };
    SyncResource: {
      /** @description API group ("" for core kinds). */
      group?: string;
      kind: string;
      name: string;
      namespace?: string;
    };
    SyncInput: {
      resources?: components['schemas']['SyncResource'][];
      prune?: boolean;
    };
    DeployHistoryEntry: {
      /** @description Argo CD's history id. */
      id: number;
      revision: string;
      deployedAt?: string;
      deployStartedAt?: string;
      initiatedBy?: {
        username?: string;
        automated?: boolean;
      };
      /** @description Images the manifests held at that commit. */
      images: string[];
      author?: {
        name: string;
        email: string;
      };
      message?: string;
      committedAt?: string;
      /** @description App Center made the commit (a task, or manifests saved in the portal, e.g. with "sync after"); absent for commits pushed from outside the portal. */
      viaPortal?: boolean;
      /** @description The App Center task that made the commit (its App-Center-Task trailer). */
      task?: {
        id: string;
        kind?: string;
        status?: string;
        requestedBy?: string;
        /** @description Outcome of the task's step for this app. */
        appStatus?: string;
        appMessage?: string;
      };
      warning?: string;
    };
    DeployHistory: {
      items: components['schemas']['DeployHistoryEntry'][];
      nextCursor?: string;
    };
    EnvironmentAppFilesWrite: {
      files?: components['schemas']['ManifestFile'][];
      deleted?: string[];
      baseRevision?: string;
      message?: string;
      /** @description Queue a sync of the app to the new commit. */
      sync?: boolean;
    };
    EnvironmentAppFilesWriteResult: components['schemas']['ManifestWriteResult'] & {
      task?: components['schemas']['Task'];
    };
    AssociateInput: {
      /** @description The template to associate (its name is the app's name). */
      app: string;
      /** @description Replace an existing copy in this environment (files not in the template are removed). */
      overwrite?: boolean;
    };
    AppImages: {
      /** @description Images of the live pods (Argo CD status.summary.images). */
      running: string[];
      /** @description Images written in the environment's manifests in git. */
      manifest: string[];
    };
    SyncState: {
      /** @description Synced, OutOfSync or Unknown (Argo CD's values). */
      status: string;
      revision?: string;
    };
    HealthState: {
      /** @description Healthy, Progressing, Degraded, Suspended, Missing or Unknown (Argo CD's values). */
      status: string;
      message?: string;
    };
    OperationState: {
      /** @description Running, Terminating, Succeeded, Failed or Error. */
      phase: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      revision?: string;
    };
    EnvironmentApp: {
      name: string;
      project: string;
      environment: string;
      /**
       * @description associated: a folder in git and an Argo CD Application; no-application: in git but Argo CD has no Application for it; no-folder: an Application App Center manages whose folder is gone from git; unknown: Argo CD (or git) could not be read, see the list's warnings.
       * @enum {string}
       */
      state: 'associated' | 'no-application' | 'no-folder' | 'unknown';
      /** @description The Argo CD Application name. */
      application?: string;
      argocdInstance?: string;
      /** @description The Application is being deleted (Argo CD is removing its resources). */
      deleting?: boolean;
      /** @description The main workload kind (Deployment, StatefulSet, Rollout...). */
      mainKind?: string;
      images: components['schemas']['AppImages'];
      sync?: components['schemas']['SyncState'];
      health?: components['schemas']['HealthState'];
      operation?: components['schemas']['OperationState'];
      /** @description Where the environment's copy came from (its provenance). */
      template?: {
        name?: string;
        revision?: string;
      };
      capabilities?: components['schemas']['Capabilities'];
      /** @description The latest App Center task for this app (filled once the task engine exists). */
      lastTask?: {
        id?: string;
        kind?: string;
        status?: string;
        createdAt?: string;
      };
    };
    StoreApp: {
      name: string;
      chart?: string;
      /** @description Chart version or target revision. */
      version?: string;
      repoURL?: string;
      images?: string[];
      sync?: components['schemas']['SyncState'];
      health?: components['schemas']['HealthState'];
    };
    EnvironmentAppList: {
      capabilities: components['schemas']['Capabilities'];
      platformApps: components['schemas']['EnvironmentApp'][];
      storeApps: components['schemas']['StoreApp'][];
      /** @description What could not be read (e.g. Argo CD unreachable); the list shows what git holds. */
      warnings?: string[];
    };
    EntityApps: {
      project: string;
      app: string;
      templateExists?: boolean;
      environments: {
        environment: components['schemas']['Environment'];
        capabilities: components['schemas']['Capabilities'];
        app?: components['schemas']['EnvironmentApp'];
      }[];
      warnings?: string[];
    };
    SeverityCounts: {
      critical: number;
      high: number;
      medium: number;
      low: number;
      unknown: number;
    };
    VulnerabilityFinding: {
      id: string;
      /** @enum {string} */
      severity: 'critical' | 'high' | 'medium' | 'low' | 'unknown';
      package: string;
      installedVersion?: string;
      fixedVersion?: string;
      title?: string;
      url?: string;
    };
    ImageSecurityReport: {
      image: string;
      /** @description False when no provider has a scan of the image (yet). */
      scanned: boolean;
      provider?: string;
      /** @description The provider's page about the scan, when it has one. */
      url?: string;
      scannedAt?: string;
      counts: components['schemas']['SeverityCounts'];
      /** @description How many findings have a fixed version. */
      fixable: number;
      /** @description The most severe findings (fixable ones first within a severity), at most 10. */
      topFindings: components['schemas']['VulnerabilityFinding'][];
    };
    ImageSecurity: {
      configured: boolean;
      /** @description How to configure a provider, when none is. */
      message?: string;
      providers: string[];
      images: components['schemas']['ImageSecurityReport'][];
      /** @description Providers that failed; the other providers' scans are still shown. */
      warnings?: string[];
    };
    ImageTag: {
      tag: string;
      /** @description Digest of the manifest the tag points at, when it was looked up. */
      digest?: string;
      /**
       * Format: date-time
       * @description When the image was created (OCI) or pushed (providers such as Harbor), when known.
       */
      createdAt?: string;
      /** @description Labels a registry provider keeps for the tag. */
      labels?: string[];
      /** @description False when a registry provider marks the tag as not to be deployed; the backend refuses it too. */
      publishable: boolean;
      /** @description Why the tag is not publishable. */
      reason?: string;
    };
    /** @description How the listing was ordered. */
    ImageTagOrder: {
      /**
       * @description created: every tag by creation time. created-window: the createdResolved newest-looking tags (by name) by creation time first, the others after by name. name: by name only, newest-looking first.
       * @enum {string}
       */
      by: 'created' | 'created-window' | 'name';
      /** @description How many tags of the listing have a creation time. */
      createdResolved: number;
      /** @description The same in words, for a tooltip. */
      description: string;
    };
    ImageTagList: {
      /** @description The repository listed, host/path (Docker Hub's images as docker.io/library/...). */
      repository: string;
      /** @description Who listed the tags, oci (the registry's distribution API) or a registry provider's id. */
      source: string;
      items: components['schemas']['ImageTag'][];
      /** @description Pass as cursor for the next page; absent on the last page. */
      nextCursor?: string;
      /** @description Tags in the whole listing (after q). */
      total: number;
      order: components['schemas']['ImageTagOrder'];
    };
    ResourceTreeNode: {
      /** @description A key unique in the tree (the UID, or group/kind/namespace/name when there is none). */
      id: string;
      uid?: string;
      group: string;
      version: string;
      kind: string;
      namespace?: string;
      name: string;
      /** @description Healthy, Progressing, Degraded, Suspended, Missing or Unknown; absent when Argo CD has none. */
      health?: string;
      healthMessage?: string;
      /** @description Synced, OutOfSync or Unknown, for resources managed from git; absent for their children. */
      sync?: string;
      images?: string[];
      /** @description Argo CD's facts about the node (a Pod's status reason, containers ready, restarts). */
      info?: {
        name: string;
        value: string;
      }[];
      /** @description In the namespace but not managed by the app. */
      orphaned?: boolean;
      createdAt?: string;
      children: components['schemas']['ResourceTreeNode'][];
    };
    ResourceTree: {
      /** @description The Argo CD Application's name. */
      application: string;
      root: components['schemas']['ResourceTreeNode'];
      /** @description Nodes below the Application. */
      nodeCount: number;
    };
    LiveResource: {
      manifest: {
        [key: string]: unknown;
      };
      /** @description The manifest as YAML, without managedFields. */
      yaml: string;
    };
    ResourceDiff: {
      /** @description Whether the live state differs from git. */
      modified: boolean;
      /** @description The normalised live state as YAML ("" when the resource does not exist yet). */
      live: string;
      /** @description The state after a sync as YAML ("" when the resource would be pruned). */
      desired: string;
      /** @description Unified diff from live to desired; "" when in sync. */
      diff: string;
    };
    ResourceEvent: {
      /** @description Normal or Warning. */
      type: string;
      reason: string;
      message: string;
      count: number;
      firstTimestamp?: string;
      lastTimestamp?: string;
      source?: string;
      involvedObject?: {
        kind?: string;
        name?: string;
        namespace?: string;
      };
    };
    TaskRequest: {
      /** @description The task kind, e.g. scale. */
      kind: string;
      project: string;
      environment: string;
      /** @description What the kind's input schema asks for. */
      input: {
        [key: string]: unknown;
      };
    };
    /** @enum {string} */
    TaskStatus: 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled';
    TaskStep: {
      id: string;
      title: string;
      app?: string;
      /** @enum {string} */
      status:
        | 'pending'
        | 'running'
        | 'succeeded'
        | 'failed'
        | 'skipped'
        | 'cancelled';
      message?: string;
      result?: {
        [key: string]: unknown;
      };
      startedAt?: string;
      finishedAt?: string;
    };
    Task: {
      id: string;
      kind: string;
      status: components['schemas']['TaskStatus'];
      project: string;
      environment?: string;
      apps: string[];
      input?: {
        [key: string]: unknown;
      };
      steps: components['schemas']['TaskStep'][];
      result?: {
        [key: string]: unknown;
      };
      error?: string;
      requestedBy: string;
      cancelRequested: boolean;
      attempts: number;
      createdAt: string;
      updatedAt: string;
      startedAt?: string;
      finishedAt?: string;
    };
    ManifestIssue: {
      /** @description File path relative to the app folder. */
      path: string;
      /** @description 1-based line. */
      line: number;
      /** @description 1-based column. */
      column: number;
      message: string;
    };
    TemplateError: {
      error: {
        name: string;
        message: string;
        /** @description ManifestValidationError (400): every problem found, at its line and column. */
        issues?: components['schemas']['ManifestIssue'][];
        /** @description Stale write (409): the revision the edit was based on. */
        baseRevision?: string;
        /** @description Stale write (409): the current head of the branch. */
        headRevision?: string;
        /** @description Conflict (409): the files in conflict, relative to the app folder. */
        files?: string[];
        /** @description Drift apply (409): each value the template and the environment both changed. */
        conflicts?: components['schemas']['DriftConflict'][];
      };
      request?: {
        method?: string;
        url?: string;
      };
      response?: {
        statusCode?: number;
      };
    };
    ManifestFile: {
      /** @description Relative to the app folder; only .yaml/.yml files, no "..", no hidden files. */
      path: string;
      content: string;
    };
    ManifestFiles: {
      capabilities: components['schemas']['Capabilities'];
      /** @description The commit the files were read at. */
      revision: string;
      files: components['schemas']['ManifestFile'][];
    };
    ManifestFilesWrite: {
      files?: components['schemas']['ManifestFile'][];
      deleted?: string[];
      /** @description The revision the edit is based on (from GET files); 409 when the files changed since. */
      baseRevision?: string;
      /** @description Commit message (the first line becomes the subject's detail). */
      message?: string;
    };
    ManifestWriteResult: {
      /** @description The new head (or the unchanged head when committed is false). */
      revision: string;
      parent: string;
      committed: boolean;
      /** @description Files written or deleted, relative to the app folder. */
      files: string[];
    };
    StarterInput: {
      /** @description Container image, e.g. registry.example.com/shop/web:1.0. */
      image: string;
      /** @description Container port (default 8080). */
      port?: number;
      /** @description Replicas (default 1). */
      replicas?: number;
    };
    TemplateInput: {
      /** @description The app name, a DNS-1123 label. */
      name: string;
      description?: string;
      files?: components['schemas']['ManifestFile'][];
      starter?: components['schemas']['StarterInput'];
      message?: string;
    };
    TemplateSummary: {
      name: string;
      description?: string;
      files: string[];
      /** @description Kinds of the objects, e.g. Deployment, Service. */
      kinds: string[];
      /** @description Container images as written in the manifests. */
      images: string[];
      /** @description Files that do not parse (the template is listed anyway). */
      invalidFiles: string[];
    };
    Template: components['schemas']['TemplateSummary'] & {
      /** @description The commit the template was read at. */
      revision: string;
    };
    TemplateList: {
      capabilities: components['schemas']['Capabilities'];
      revision: string;
      items: components['schemas']['TemplateSummary'][];
    };
    TemplateProvenance: {
      template: string;
      /** @description The commit the environment copied the template at. */
      templateCommit: string;
      templateTree: string;
    };
    DriftFile: {
      path: string;
      /** @enum {string} */
      status: 'added' | 'modified' | 'deleted';
      /** @description Unified diff from the template as copied to the template now. */
      diff: string;
    };
    EnvironmentDrift: {
      environment: string;
      provenance: components['schemas']['TemplateProvenance'];
      drifted: boolean;
      files: components['schemas']['DriftFile'][];
    };
    TemplateDrift: {
      revision: string;
      environments: components['schemas']['EnvironmentDrift'][];
      /** @description Environments of the project that hold no copy of this template. */
      notAssociated: string[];
    };
    DriftApplyInput: {
      /** @description When given, refused (409) if the environment's copy changed since this commit. */
      baseRevision?: string;
      message?: string;
      /** @description The side to take for conflicts a previous apply answered (matched by file, document, path). */
      resolutions?: components['schemas']['DriftResolution'][];
    };
    /** @description A value both sides changed since the copy. `document` is `Kind/name` (or `document N`) and `path` a key path in it (`spec.template.spec.containers[web].image`); both are empty when the conflict is about the whole file, `path` alone for a whole document. Values are YAML text, absent where that side has none. */
    DriftConflict: {
      /** @description File path relative to the app folder. */
      file: string;
      document: string;
      path: string;
      /** @description The value in the template as copied. */
      base?: string;
      /** @description The value in the template now. */
      template?: string;
      /** @description The value in the environment's copy. */
      environment?: string;
    };
    DriftResolution: {
      file: string;
      document: string;
      path: string;
      /**
       * @description template writes the template's value; environment keeps the environment's.
       * @enum {string}
       */
      take: 'template' | 'environment';
    };
    DriftApplyResult: components['schemas']['ManifestWriteResult'] & {
      /** @description Files merged from the template (relative to the app folder). */
      merged: string[];
    };
  };
  responses: {
    /** @description An error in Backstage's JSON error shape */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description An error in Backstage's JSON error shape; 400 manifest errors carry `issues`, 409 conflicts carry the revisions and files. */
    TemplateErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['TemplateError'];
      };
    };
  };
  parameters: {
    tenant: string;
    project: string;
    env: string;
    app: string;
    /** @description API group ("" or absent for core kinds). */
    resourceGroup: string;
    /** @description API version, e.g. v1. */
    resourceVersion: string;
    resourceKind: string;
    resourceNamespace: string;
    resourceName: string;
    /** @description The app (template) name, a DNS-1123 label. */
    templateApp: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
  listTenants: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tenants */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Tenant'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createTenant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TenantInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Tenant'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenant: components['parameters']['tenant'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tenant */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Tenant'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  updateTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenant: components['parameters']['tenant'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TenantUpdate'];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Tenant'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteTenant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenant: components['parameters']['tenant'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listProjects: {
    parameters: {
      query?: {
        tenant?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Projects */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Project'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createProject: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Project */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  updateProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProjectUpdate'];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listEnvironments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Environments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Environment'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  createEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnvironmentInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Environment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  updateEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnvironmentUpdate'];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Environment'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getAccess: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's App Center roles */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Access'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getPortalConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Portal configuration */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            argocdInstances: string[];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deployApps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeployInput'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  scaleApp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScaleInput'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  setAutoscaling: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AutoscalingInput'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  removeAutoscaling: {
    parameters: {
      query?: {
        /** @description The workload, when the app has several of one kind. */
        workload?: string;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  rollbackApp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RollbackInput'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  syncApp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SyncInput'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  syncAppResource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SyncResource'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getDeployHistory: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the history */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeployHistory'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getEnvironmentAppFiles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Files */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ManifestFiles'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  writeEnvironmentAppFiles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnvironmentAppFilesWrite'];
      };
    };
    responses: {
      /** @description Written */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentAppFilesWriteResult'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  listEnvironmentApps: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The environment's apps */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentAppList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  associateApp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssociateInput'];
      };
    };
    responses: {
      /** @description Associated */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentApp'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getEnvironmentApp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The app in this environment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentApp'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  disassociateApp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Disassociated */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  recreateApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Recreated */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentApp'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getEntityApps: {
    parameters: {
      query: {
        entityRef: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The app across the project's environments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityApps'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getImageSecurity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The findings per running image */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageSecurity'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listImageTags: {
    parameters: {
      query: {
        /** @description An image reference, e.g. registry.example.com/team/web:1.2 (its tag and digest are ignored). */
        image: string;
        /** @description Tags per page (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page (with the same image and q). */
        cursor?: string;
        /** @description Keep the tags containing this text (case-insensitive). */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of tags, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageTagList'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getResourceTree: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tree */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceTree'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  streamResourceTree: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream of `tree` events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getResource: {
    parameters: {
      query: {
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        /** @description API version, e.g. v1. */
        version: components['parameters']['resourceVersion'];
        kind: components['parameters']['resourceKind'];
        namespace?: components['parameters']['resourceNamespace'];
        name: components['parameters']['resourceName'];
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The live manifest */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveResource'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  deleteResource: {
    parameters: {
      query: {
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        /** @description API version, e.g. v1. */
        version: components['parameters']['resourceVersion'];
        kind: components['parameters']['resourceKind'];
        namespace?: components['parameters']['resourceNamespace'];
        name: components['parameters']['resourceName'];
        /** @description foreground (default: dependents first), background, or orphan (dependents stay). */
        cascade?: 'foreground' | 'background' | 'orphan';
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getResourceDiff: {
    parameters: {
      query: {
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        kind: components['parameters']['resourceKind'];
        namespace?: components['parameters']['resourceNamespace'];
        name: components['parameters']['resourceName'];
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Live, desired and their diff */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceDiff'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listResourceEvents: {
    parameters: {
      query?: {
        namespace?: string;
        name?: string;
        /** @description The resource's UID from the tree; with namespace and name, the events of that resource. */
        uid?: string;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ResourceEvent'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  streamLogs: {
    parameters: {
      query?: {
        /** @description One pod's name; or give kind and name of a workload to merge all of its pods. */
        pod?: string;
        /** @description API group ("" or absent for core kinds). */
        group?: components['parameters']['resourceGroup'];
        kind?: string;
        name?: string;
        container?: string;
        follow?: boolean;
        tailLines?: number;
        sinceSeconds?: number;
        /** @description The logs of the previous container (after a restart). */
        previous?: boolean;
        /** @description Keep lines containing this text; a leading ! keeps the others. */
        filter?: string;
        /** @description Answer the lines as a text file (attachment) rather than events; never follows. */
        download?: boolean;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        env: components['parameters']['env'];
        app: components['parameters']['app'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream of `line` events, or text/plain with download */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
          'text/plain': string;
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listTasks: {
    parameters: {
      query?: {
        project?: string;
        env?: string;
        app?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tasks */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Task'][];
          };
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  startTask: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TaskRequest'];
      };
    };
    responses: {
      /** @description The queued task */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  getTask: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task with its steps */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  cancelTask: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      default: components['responses']['ErrorResponse'];
    };
  };
  listTemplates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Templates and the revision they were read at */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateList'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  createTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TemplateInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Template'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  getTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The template's summary */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Template'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  deleteTemplate: {
    parameters: {
      query?: {
        /** @description When given, refused (409) if the template changed since this commit. */
        baseRevision?: string;
      };
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  getTemplateFiles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Files */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ManifestFiles'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  writeTemplateFiles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ManifestFilesWrite'];
      };
    };
    responses: {
      /** @description Written (committed is false when nothing changed) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ManifestWriteResult'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  getTemplateDrift: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Drift per environment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TemplateDrift'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
  applyTemplateDrift: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        project: components['parameters']['project'];
        /** @description The app (template) name, a DNS-1123 label. */
        app: components['parameters']['templateApp'];
        env: components['parameters']['env'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DriftApplyInput'];
      };
    };
    responses: {
      /** @description Applied */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DriftApplyResult'];
        };
      };
      default: components['responses']['TemplateErrorResponse'];
    };
  };
}
