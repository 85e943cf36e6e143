import {
  anyJson,
  bool,
  int64,
  slice,
  str,
  stringMap,
  struct,
} from './goJson.ts';

/** The Go types of the request bodies the sandbox accepts (the fields it knows; others are dropped, as in Go). */

const objectMeta = struct('v1.ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  uid: str,
  resourceVersion: str,
  generation: int64,
  labels: stringMap,
  annotations: stringMap,
  finalizers: slice(str),
  ownerReferences: anyJson,
  managedFields: anyJson,
});

const nameValue = (go: string) => struct(go, { name: str, value: str });

const source = struct('v1alpha1.ApplicationSource', {
  repoURL: str,
  path: str,
  targetRevision: str,
  chart: str,
  ref: str,
  name: str,
  helm: struct('v1alpha1.ApplicationSourceHelm', {
    valueFiles: slice(str),
    parameters: slice(
      struct('v1alpha1.HelmParameter', {
        name: str,
        value: str,
        forceString: bool,
      }),
    ),
    releaseName: str,
    values: str,
    valuesObject: anyJson,
    version: str,
    passCredentials: bool,
    ignoreMissingValueFiles: bool,
    skipCrds: bool,
    skipSchemaValidation: bool,
    skipTests: bool,
    namespace: str,
    kubeVersion: str,
    apiVersions: slice(str),
  }),
  kustomize: struct('v1alpha1.ApplicationSourceKustomize', {
    namePrefix: str,
    nameSuffix: str,
    images: slice(str),
    commonLabels: stringMap,
    commonAnnotations: stringMap,
    version: str,
    namespace: str,
    forceCommonLabels: bool,
    forceCommonAnnotations: bool,
    commonAnnotationsEnvsubst: bool,
    labelWithoutSelector: bool,
    components: slice(str),
    replicas: anyJson,
    patches: anyJson,
    kubeVersion: str,
    apiVersions: slice(str),
  }),
  directory: struct('v1alpha1.ApplicationSourceDirectory', {
    recurse: bool,
    exclude: str,
    include: str,
    jsonnet: anyJson,
  }),
  plugin: anyJson,
});

const backoff = struct('v1alpha1.Backoff', {
  duration: str,
  factor: int64,
  maxDuration: str,
});

const retryStrategy = struct('v1alpha1.RetryStrategy', {
  limit: int64,
  backoff,
  refresh: bool,
});

export const applicationSpecType = struct('v1alpha1.ApplicationSpec', {
  source,
  sources: slice(source),
  destination: struct('v1alpha1.ApplicationDestination', {
    server: str,
    namespace: str,
    name: str,
  }),
  project: str,
  syncPolicy: struct('v1alpha1.SyncPolicy', {
    automated: struct('v1alpha1.SyncPolicyAutomated', {
      prune: bool,
      selfHeal: bool,
      allowEmpty: bool,
      enabled: bool,
    }),
    syncOptions: slice(str),
    retry: retryStrategy,
    managedNamespaceMetadata: struct('v1alpha1.ManagedNamespaceMetadata', {
      labels: stringMap,
      annotations: stringMap,
    }),
  }),
  ignoreDifferences: slice(
    struct('v1alpha1.ResourceIgnoreDifferences', {
      group: str,
      kind: str,
      name: str,
      namespace: str,
      jsonPointers: slice(str),
      jqPathExpressions: slice(str),
      managedFieldsManagers: slice(str),
    }),
  ),
  info: slice(nameValue('v1alpha1.Info')),
  revisionHistoryLimit: int64,
  sourceHydrator: anyJson,
});

export const applicationType = struct('v1alpha1.Application', {
  metadata: objectMeta,
  spec: applicationSpecType,
  operation: anyJson,
  status: anyJson,
});

const syncStrategyApply = struct('v1alpha1.SyncStrategyApply', {
  force: bool,
});

export const syncRequestType = struct('application.ApplicationSyncRequest', {
  name: str,
  revision: str,
  dryRun: bool,
  prune: bool,
  strategy: struct('v1alpha1.SyncStrategy', {
    apply: syncStrategyApply,
    hook: struct('v1alpha1.SyncStrategyHook', {
      force: bool,
      syncStrategyApply,
    }),
  }),
  resources: slice(
    struct('v1alpha1.SyncOperationResource', {
      group: str,
      kind: str,
      name: str,
      namespace: str,
    }),
  ),
  manifests: slice(str),
  infos: slice(nameValue('v1alpha1.Info')),
  retryStrategy,
  syncOptions: struct('application.SyncOptions', { items: slice(str) }),
  appNamespace: str,
  project: str,
  sourcePositions: slice(int64),
  revisions: slice(str),
});

export const rollbackRequestType = struct(
  'application.ApplicationRollbackRequest',
  {
    name: str,
    id: int64,
    dryRun: bool,
    prune: bool,
    appNamespace: str,
    project: str,
  },
);

export const patchRequestType = struct('application.ApplicationPatchRequest', {
  name: str,
  patch: str,
  patchType: str,
  appNamespace: str,
  project: str,
});

export const resourceActionV2Type = struct(
  'application.ResourceActionRunRequestV2',
  {
    name: str,
    namespace: str,
    resourceName: str,
    version: str,
    group: str,
    kind: str,
    action: str,
    appNamespace: str,
    project: str,
    resourceActionParameters: slice(
      nameValue('application.ResourceActionParameters'),
    ),
  },
);

export const sessionCreateType = struct('session.SessionCreateRequest', {
  username: str,
  password: str,
  token: str,
});

const groupKind = struct('v1.GroupKind', { group: str, kind: str });

export const appProjectType = struct('v1alpha1.AppProject', {
  metadata: objectMeta,
  spec: struct('v1alpha1.AppProjectSpec', {
    sourceRepos: slice(str),
    destinations: slice(
      struct('v1alpha1.ApplicationDestination', {
        server: str,
        namespace: str,
        name: str,
      }),
    ),
    description: str,
    roles: anyJson,
    clusterResourceWhitelist: slice(groupKind),
    clusterResourceBlacklist: slice(groupKind),
    namespaceResourceWhitelist: slice(groupKind),
    namespaceResourceBlacklist: slice(groupKind),
    orphanedResources: struct('v1alpha1.OrphanedResourcesMonitorSettings', {
      warn: bool,
      ignore: anyJson,
    }),
    syncWindows: anyJson,
    signatureKeys: anyJson,
    sourceNamespaces: slice(str),
    permitOnlyProjectScopedClusters: bool,
    destinationServiceAccounts: anyJson,
  }),
  status: anyJson,
});

export const projectCreateType = struct('project.ProjectCreateRequest', {
  project: appProjectType,
  upsert: bool,
});
