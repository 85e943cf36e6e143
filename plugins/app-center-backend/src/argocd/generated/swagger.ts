// This file is generated from Argo CD's swagger.json (sha256 41178730cf4301d80247df3189c98f3798f1b350c8829a95f06540810a3221db, pinned in
// packages/argocd-sandbox/src/contracts/pins.ts) by `yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.

/* eslint-disable */
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    accountAccount: {
      capabilities?: string[];
      enabled?: boolean;
      name?: string;
      tokens?: components['schemas']['accountToken'][];
    };
    accountAccountsList: {
      items?: components['schemas']['accountAccount'][];
    };
    accountCanIResponse: {
      value?: string;
    };
    accountCreateTokenRequest: {
      /**
       * expiresIn represents a duration in seconds
       * Format: int64
       */
      expiresIn?: number;
      id?: string;
      name?: string;
    };
    accountCreateTokenResponse: {
      token?: string;
    };
    accountEmptyResponse: Record<string, never>;
    accountToken: {
      /** Format: int64 */
      expiresAt?: number;
      id?: string;
      /** Format: int64 */
      issuedAt?: number;
    };
    accountUpdatePasswordRequest: {
      currentPassword?: string;
      name?: string;
      newPassword?: string;
    };
    accountUpdatePasswordResponse: Record<string, never>;
    applicationApplicationManifestQueryWithFiles: {
      appNamespace?: string;
      checksum?: string;
      name?: string;
      project?: string;
    };
    applicationApplicationManifestQueryWithFilesWrapper: {
      chunk?: components['schemas']['applicationFileChunk'];
      query?: components['schemas']['applicationApplicationManifestQueryWithFiles'];
    };
    /** ApplicationPatchRequest is a request to patch an application */
    applicationApplicationPatchRequest: {
      appNamespace?: string;
      name?: string;
      patch?: string;
      patchType?: string;
      project?: string;
    };
    applicationApplicationResourceResponse: {
      manifest?: string;
    };
    applicationApplicationResponse: Record<string, never>;
    applicationApplicationRollbackRequest: {
      appNamespace?: string;
      dryRun?: boolean;
      /** Format: int64 */
      id?: number;
      name?: string;
      project?: string;
      prune?: boolean;
    };
    applicationApplicationServerSideDiffResponse: {
      items?: components['schemas']['v1alpha1ResourceDiff'][];
      modified?: boolean;
    };
    /** ApplicationSyncRequest is a request to apply the config state to live state */
    applicationApplicationSyncRequest: {
      appNamespace?: string;
      dryRun?: boolean;
      infos?: components['schemas']['v1alpha1Info'][];
      manifests?: string[];
      name?: string;
      project?: string;
      prune?: boolean;
      resources?: components['schemas']['v1alpha1SyncOperationResource'][];
      retryStrategy?: components['schemas']['v1alpha1RetryStrategy'];
      revision?: string;
      revisions?: string[];
      sourcePositions?: string[];
      strategy?: components['schemas']['v1alpha1SyncStrategy'];
      syncOptions?: components['schemas']['applicationSyncOptions'];
    };
    applicationApplicationSyncWindow: {
      duration?: string;
      kind?: string;
      manualSync?: boolean;
      schedule?: string;
    };
    applicationApplicationSyncWindowsResponse: {
      activeWindows?: components['schemas']['applicationApplicationSyncWindow'][];
      assignedWindows?: components['schemas']['applicationApplicationSyncWindow'][];
      canSync?: boolean;
    };
    applicationFileChunk: {
      /** Format: byte */
      chunk?: string;
    };
    applicationLinkInfo: {
      description?: string;
      iconClass?: string;
      title?: string;
      url?: string;
    };
    applicationLinksResponse: {
      items?: components['schemas']['applicationLinkInfo'][];
    };
    applicationLogEntry: {
      content?: string;
      last?: boolean;
      podName?: string;
      timeStamp?: components['schemas']['v1Time'];
      timeStampStr?: string;
    };
    applicationManagedResourcesResponse: {
      items?: components['schemas']['v1alpha1ResourceDiff'][];
    };
    applicationOperationTerminateResponse: Record<string, never>;
    applicationResourceActionParameters: {
      name?: string;
      value?: string;
    };
    applicationResourceActionRunRequestV2: {
      action?: string;
      appNamespace?: string;
      group?: string;
      kind?: string;
      name?: string;
      namespace?: string;
      project?: string;
      resourceActionParameters?: components['schemas']['applicationResourceActionParameters'][];
      resourceName?: string;
      version?: string;
    };
    applicationResourceActionsListResponse: {
      actions?: components['schemas']['v1alpha1ResourceAction'][];
    };
    /** ApplicationSetGetQuery is a query for applicationset resources */
    applicationsetApplicationSetGenerateRequest: {
      applicationSet?: components['schemas']['v1alpha1ApplicationSet'];
    };
    /** ApplicationSetGenerateResponse is a response for applicationset generate request */
    applicationsetApplicationSetGenerateResponse: {
      applications?: components['schemas']['v1alpha1Application'][];
    };
    applicationsetApplicationSetResponse: {
      applicationset?: components['schemas']['v1alpha1ApplicationSet'];
      project?: string;
    };
    applicationSyncOptions: {
      items?: string[];
    };
    /** EnvEntry represents an entry in the application's environment */
    applicationv1alpha1EnvEntry: {
      /** Name is the name of the variable, usually expressed in uppercase */
      name?: string;
      /** Value is the value of the variable */
      value?: string;
    };
    /** @description ResourceStatus holds the current synchronization and health status of a Kubernetes resource. */
    applicationv1alpha1ResourceStatus: {
      /** @description Group represents the API group of the resource (e.g., "apps" for Deployments). */
      group?: string;
      health?: components['schemas']['v1alpha1HealthStatus'];
      /** @description Hook is true if the resource is used as a lifecycle hook in an Argo CD application. */
      hook?: boolean;
      /** @description Kind specifies the type of the resource (e.g., "Deployment", "Service"). */
      kind?: string;
      /** @description Name is the unique name of the resource within the namespace. */
      name?: string;
      /** @description Namespace defines the Kubernetes namespace where the resource is located. */
      namespace?: string;
      /** @description RequiresDeletionConfirmation is true if the resource requires explicit user confirmation before deletion. */
      requiresDeletionConfirmation?: boolean;
      /** @description RequiresPruning is true if the resource needs to be pruned (deleted) as part of synchronization. */
      requiresPruning?: boolean;
      /** @description Status represents the synchronization state of the resource (e.g., Synced, OutOfSync). */
      status?: string;
      /**
       * Format: int64
       * @description SyncWave determines the order in which resources are applied during a sync operation.
       *     Lower values are applied first.
       */
      syncWave?: number;
      /** @description Version indicates the API version of the resource (e.g., "v1", "v1beta1"). */
      version?: string;
    };
    /** ClusterID holds a cluster server URL or cluster name */
    clusterClusterID: {
      /** type is the type of the specified cluster identifier ( "server" - default, "name" ) */
      type?: string;
      /** value holds the cluster server URL or cluster name */
      value?: string;
    };
    clusterClusterResponse: Record<string, never>;
    clusterConnector: {
      id?: string;
      name?: string;
      type?: string;
    };
    clusterDexConfig: {
      connectors?: components['schemas']['clusterConnector'][];
      /** dexAuthConnectorID is the connector ID that the login screen should redirect to directly, bypassing the connector selection screen */
      dexAuthConnectorID?: string;
    };
    clusterGoogleAnalyticsConfig: {
      anonymizeUsers?: boolean;
      trackingID?: string;
    };
    /** Help settings */
    clusterHelp: {
      /** the URLs for downloading argocd binaries */
      binaryUrls?: {
        [key: string]: string;
      };
      /** the text for getting chat help, defaults to "Chat now!" */
      chatText?: string;
      /** the URL for getting chat help, this will typically be your Slack channel for support */
      chatUrl?: string;
    };
    clusterOIDCConfig: {
      cliClientID?: string;
      clientID?: string;
      enablePKCEAuthentication?: boolean;
      idTokenClaims?: {
        [key: string]: components['schemas']['oidcClaim'];
      };
      issuer?: string;
      name?: string;
      scopes?: string[];
    };
    /** Plugin settings */
    clusterPlugin: {
      /** the name of the plugin, e.g. "kasane" */
      name?: string;
    };
    clusterSettings: {
      additionalUrls?: string[];
      appLabelKey?: string;
      appsInAnyNamespaceEnabled?: boolean;
      /** @description Deprecated: use sidecar plugins instead. */
      configManagementPlugins?: components['schemas']['v1alpha1ConfigManagementPlugin'][];
      controllerNamespace?: string;
      dexConfig?: components['schemas']['clusterDexConfig'];
      execEnabled?: boolean;
      googleAnalytics?: components['schemas']['clusterGoogleAnalyticsConfig'];
      help?: components['schemas']['clusterHelp'];
      hydratorEnabled?: boolean;
      impersonationEnabled?: boolean;
      installationID?: string;
      kustomizeOptions?: components['schemas']['v1alpha1KustomizeOptions'];
      kustomizeVersions?: string[];
      oidcConfig?: components['schemas']['clusterOIDCConfig'];
      passwordPattern?: string;
      plugins?: components['schemas']['clusterPlugin'][];
      resourceOverrides?: {
        [key: string]: components['schemas']['v1alpha1ResourceOverride'];
      };
      resourceViewEnabled?: boolean;
      statusBadgeEnabled?: boolean;
      statusBadgeRootUrl?: string;
      syncWithReplaceAllowed?: boolean;
      trackingMethod?: string;
      uiBannerContent?: string;
      uiBannerPermanent?: boolean;
      uiBannerPosition?: string;
      uiBannerURL?: string;
      uiCssURL?: string;
      uiLoginButtonText?: string;
      url?: string;
      userLoginsDisabled?: boolean;
    };
    clusterSettingsPluginsResponse: {
      plugins?: components['schemas']['clusterPlugin'][];
    };
    /**
     * @description Event mirrors corev1.Event and exposes the fields consumed by the Argo CD
     *     API and UI. Event is a report of an event somewhere in the cluster. Events
     *     have a limited retention time and triggers and messages may evolve with
     *     time. Event consumers should not rely on the timing of an event with a
     *     given Reason reflecting a consistent underlying trigger, or the continued
     *     existence of events with that Reason. Events should be treated as
     *     informative, best-effort, supplemental data.
     */
    eventsEvent: {
      /** @description What action was taken/failed regarding to the Regarding object. */
      action?: string;
      /**
       * Format: int32
       * @description The number of times this event has occurred.
       */
      count?: number;
      eventTime?: components['schemas']['v1MicroTime'];
      firstTimestamp?: components['schemas']['v1Time'];
      involvedObject?: components['schemas']['eventsObjectReference'];
      lastTimestamp?: components['schemas']['v1Time'];
      /** @description A human-readable description of the status of this operation. */
      message?: string;
      metadata?: components['schemas']['v1ObjectMeta'];
      /**
       * @description This should be a short, machine understandable string that gives the
       *     reason for the transition into the object's current status.
       */
      reason?: string;
      related?: components['schemas']['eventsObjectReference'];
      /**
       * @description Name of the controller that emitted this Event, e.g.
       *     `kubernetes.io/kubelet`.
       */
      reportingComponent?: string;
      /** @description ID of the controller instance, e.g. `kubelet-xyzf`. */
      reportingInstance?: string;
      series?: components['schemas']['eventsEventSeries'];
      source?: components['schemas']['eventsEventSource'];
      /**
       * @description Type of this event (Normal, Warning), new types could be added in the
       *     future.
       */
      type?: string;
    };
    /**
     * @description EventList is a list of Argo CD Event messages. It mirrors corev1.EventList
     *     field-for-field but is defined in Argo CD's apiclient package to avoid
     *     pulling Kubernetes protobuf types into the public gRPC surface.
     */
    eventsEventList: {
      /** @description List of events. */
      items?: components['schemas']['eventsEvent'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /**
     * @description EventSeries contain information on series of events, i.e. thing that was/is
     *     happening continuously for some time.
     */
    eventsEventSeries: {
      /**
       * Format: int32
       * @description Number of occurrences in this series up to the last heartbeat time.
       */
      count?: number;
      lastObservedTime?: components['schemas']['v1MicroTime'];
    };
    /** @description EventSource contains information for an event. */
    eventsEventSource: {
      /** @description Component from which the event is generated. */
      component?: string;
      /** @description Node name on which the event is generated. */
      host?: string;
    };
    /**
     * @description ObjectReference contains enough information to let you inspect or modify
     *     the referred object.
     */
    eventsObjectReference: {
      /** @description API version of the referent. */
      apiVersion?: string;
      /**
       * @description If referring to a piece of an object instead of an entire object, this
       *     string should contain a valid JSON/Go field access statement, such as
       *     desiredState.manifest.containers[2]. For example, if the object reference
       *     is to a container within a pod, this would take on a value like:
       *     "spec.containers{name}" (where "name" refers to the name of the container
       *     that triggered the event) or if no container name is specified
       *     "spec.containers[2]" (container with index 2 in this pod).
       */
      fieldPath?: string;
      /** @description Kind of the referent. */
      kind?: string;
      /** @description Name of the referent. */
      name?: string;
      /** @description Namespace of the referent. */
      namespace?: string;
      /** @description Specific resourceVersion to which this reference is made, if any. */
      resourceVersion?: string;
      /** @description UID of the referent. */
      uid?: string;
    };
    /** Response to a public key creation request */
    gpgkeyGnuPGPublicKeyCreateResponse: {
      created?: components['schemas']['v1alpha1GnuPGPublicKeyList'];
      /** List of key IDs that haven been skipped because they already exist on the server */
      skipped?: string[];
    };
    /** Generic (empty) response for GPG public key CRUD requests */
    gpgkeyGnuPGPublicKeyResponse: Record<string, never>;
    /**
     * IntOrString is a type that can hold an int32 or a string.  When used in
     *     JSON or YAML marshalling and unmarshalling, it produces or consumes the
     *     inner type.  This allows you to have, for example, a JSON field that can
     *     accept a name or number.
     *     TODO: Rename to Int32OrString
     * @description +protobuf=true
     *     +protobuf.options.(gogoproto.goproto_stringer)=false
     *     +k8s:openapi-gen=true
     *     +k8s:openapi-model-package=io.k8s.apimachinery.pkg.util.intstr
     */
    intstrIntOrString: {
      /** Format: int32 */
      intVal?: number;
      strVal?: string;
      /** Format: int64 */
      type?: number;
    };
    notificationService: {
      name?: string;
    };
    notificationServiceList: {
      items?: components['schemas']['notificationService'][];
    };
    notificationTemplate: {
      name?: string;
    };
    notificationTemplateList: {
      items?: components['schemas']['notificationTemplate'][];
    };
    notificationTrigger: {
      name?: string;
    };
    notificationTriggerList: {
      items?: components['schemas']['notificationTrigger'][];
    };
    oidcClaim: {
      essential?: boolean;
      value?: string;
      values?: string[];
    };
    projectDetailedProjectsResponse: {
      clusters?: components['schemas']['v1alpha1Cluster'][];
      globalProjects?: components['schemas']['v1alpha1AppProject'][];
      project?: components['schemas']['v1alpha1AppProject'];
      repositories?: components['schemas']['v1alpha1Repository'][];
    };
    projectEmptyResponse: Record<string, never>;
    projectGlobalProjectsResponse: {
      items?: components['schemas']['v1alpha1AppProject'][];
    };
    /** @description ProjectCreateRequest defines project creation parameters. */
    projectProjectCreateRequest: {
      project?: components['schemas']['v1alpha1AppProject'];
      upsert?: boolean;
    };
    /** @description ProjectTokenCreateRequest defines project token creation parameters. */
    projectProjectTokenCreateRequest: {
      description?: string;
      /**
       * expiresIn represents a duration in seconds
       * Format: int64
       */
      expiresIn?: number;
      id?: string;
      project?: string;
      role?: string;
    };
    /** @description ProjectTokenResponse wraps the created token or returns an empty string if deleted. */
    projectProjectTokenResponse: {
      token?: string;
    };
    projectProjectUpdateRequest: {
      project?: components['schemas']['v1alpha1AppProject'];
    };
    projectSyncWindowsResponse: {
      windows?: components['schemas']['v1alpha1SyncWindow'][];
    };
    protobufAny: {
      type_url?: string;
      /** Format: byte */
      value?: string;
    };
    /** RepoCredsResponse is a response to most repository credentials requests */
    repocredsRepoCredsResponse: Record<string, never>;
    /** AppInfo contains application type and app file path */
    repositoryAppInfo: {
      path?: string;
      type?: string;
    };
    /** DirectoryAppSpec contains directory */
    repositoryDirectoryAppSpec: Record<string, never>;
    /** HelmAppSpec contains helm app name  in source repo */
    repositoryHelmAppSpec: {
      /** helm file parameters */
      fileParameters?: components['schemas']['v1alpha1HelmFileParameter'][];
      name?: string;
      /** the output of `helm inspect values` */
      parameters?: components['schemas']['v1alpha1HelmParameter'][];
      valueFiles?: string[];
      /** the contents of values.yaml */
      values?: string;
    };
    repositoryHelmChart: {
      name?: string;
      versions?: string[];
    };
    repositoryHelmChartsResponse: {
      items?: components['schemas']['repositoryHelmChart'][];
    };
    /** KustomizeAppSpec contains kustomize images */
    repositoryKustomizeAppSpec: {
      /** @description images is a list of available images. */
      images?: string[];
    };
    repositoryManifestResponse: {
      /** Commands is the list of commands used to hydrate the manifests */
      commands?: string[];
      manifests?: string[];
      namespace?: string;
      /** resolved revision */
      revision?: string;
      server?: string;
      sourceIntegrityResult?: components['schemas']['v1alpha1SourceIntegrityCheckResult'];
      sourceType?: string;
      /** @description Deprecated: Use sourceIntegrityResult for more detailed information. verifyResult will be removed with the next major version. */
      verifyResult?: string;
    };
    repositoryParameterAnnouncement: {
      /** @description array is the default value of the parameter if the parameter is an array. */
      array?: string[];
      /**
       * @description collectionType is the type of value this parameter holds - either a single value (a string) or a collection
       *     (array or map). If collectionType is set, only the field with that type will be used. If collectionType is not
       *     set, `string` is the default. If collectionType is set to an invalid value, a validation error is thrown.
       */
      collectionType?: string;
      /**
       * @description itemType determines the primitive data type represented by the parameter. Parameters are always encoded as
       *     strings, but this field lets them be interpreted as other primitive types.
       */
      itemType?: string;
      /** @description map is the default value of the parameter if the parameter is a map. */
      map?: {
        [key: string]: string;
      };
      /** @description name is the name identifying a parameter. */
      name?: string;
      /** @description required defines if this given parameter is mandatory. */
      required?: boolean;
      /** @description string is the default value of the parameter if the parameter is a string. */
      string?: string;
      /** @description title is a human-readable text of the parameter name. */
      title?: string;
      /** @description tooltip is a human-readable description of the parameter. */
      tooltip?: string;
    };
    /** PluginAppSpec contains details about a plugin-type Application */
    repositoryPluginAppSpec: {
      parametersAnnouncement?: components['schemas']['repositoryParameterAnnouncement'][];
    };
    /** A subset of the repository's named refs */
    repositoryRefs: {
      branches?: string[];
      tags?: string[];
    };
    /** RepoAppDetailsQuery contains query information for app details request */
    repositoryRepoAppDetailsQuery: {
      appName?: string;
      appProject?: string;
      source?: components['schemas']['v1alpha1ApplicationSource'];
      /**
       * source index (for multi source apps)
       * Format: int32
       */
      sourceIndex?: number;
      /**
       * versionId from historical data (for multi source apps)
       * Format: int32
       */
      versionId?: number;
    };
    /** RepoAppDetailsResponse application details */
    repositoryRepoAppDetailsResponse: {
      directory?: components['schemas']['repositoryDirectoryAppSpec'];
      helm?: components['schemas']['repositoryHelmAppSpec'];
      kustomize?: components['schemas']['repositoryKustomizeAppSpec'];
      plugin?: components['schemas']['repositoryPluginAppSpec'];
      type?: string;
    };
    /** RepoAppsResponse contains applications of specified repository */
    repositoryRepoAppsResponse: {
      items?: components['schemas']['repositoryAppInfo'][];
    };
    repositoryRepoResponse: Record<string, never>;
    runtimeError: {
      /** Format: int32 */
      code?: number;
      details?: components['schemas']['protobufAny'][];
      error?: string;
      message?: string;
    };
    /**
     * @description RawExtension is used to hold extensions in external versions.
     *
     *     To use this, make a field which has RawExtension as its type in your external, versioned
     *     struct, and Object in your internal struct. You also need to register your
     *     various plugin types.
     *
     *     // Internal package:
     *
     *     	type MyAPIObject struct {
     *     		runtime.TypeMeta `json:",inline"`
     *     		MyPlugin runtime.Object `json:"myPlugin"`
     *     	}
     *
     *     	type PluginA struct {
     *     		AOption string `json:"aOption"`
     *     	}
     *
     *     // External package:
     *
     *     	type MyAPIObject struct {
     *     		runtime.TypeMeta `json:",inline"`
     *     		MyPlugin runtime.RawExtension `json:"myPlugin"`
     *     	}
     *
     *     	type PluginA struct {
     *     		AOption string `json:"aOption"`
     *     	}
     *
     *     // On the wire, the JSON will look something like this:
     *
     *     	{
     *     		"kind":"MyAPIObject",
     *     		"apiVersion":"v1",
     *     		"myPlugin": {
     *     			"kind":"PluginA",
     *     			"aOption":"foo",
     *     		},
     *     	}
     *
     *     So what happens? Decode first uses json or yaml to unmarshal the serialized data into
     *     your external MyAPIObject. That causes the raw JSON to be stored, but not unpacked.
     *     The next step is to copy (using pkg/conversion) into the internal struct. The runtime
     *     package's DefaultScheme has conversion functions installed which will unpack the
     *     JSON stored in RawExtension, turning it into the correct object type, and storing it
     *     in the Object. (TODO: In the case where the object is of an unknown type, a
     *     runtime.Unknown object will be created and stored.)
     *
     *     +k8s:deepcopy-gen=true
     *     +protobuf=true
     *     +k8s:openapi-gen=true
     */
    runtimeRawExtension: {
      /**
       * Format: byte
       * @description Raw is the underlying serialization of this object.
       *
       *     TODO: Determine how to detect ContentType and ContentEncoding of 'Raw' data.
       */
      raw?: string;
    };
    runtimeStreamError: {
      details?: components['schemas']['protobufAny'][];
      /** Format: int32 */
      grpc_code?: number;
      /** Format: int32 */
      http_code?: number;
      http_status?: string;
      message?: string;
    };
    /** The current user's userInfo info */
    sessionGetUserInfoResponse: {
      groups?: string[];
      iss?: string;
      loggedIn?: boolean;
      username?: string;
    };
    /** @description SessionCreateRequest is for logging in. */
    sessionSessionCreateRequest: {
      password?: string;
      token?: string;
      username?: string;
    };
    /** @description SessionResponse wraps the created token or returns an empty string if deleted. */
    sessionSessionResponse: {
      token?: string;
    };
    /** AppHealthStatus contains information about the currently observed health state of an application */
    v1alpha1AppHealthStatus: {
      lastTransitionTime?: components['schemas']['v1Time'];
      /** Message is a human-readable informational message describing the health status */
      message?: string;
      /** Status holds the status code of the application */
      status?: string;
    };
    /**
     * Application is a definition of Application resource.
     *     +genclient
     *     +genclient:noStatus
     *     +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
     *     +kubebuilder:resource:path=applications,shortName=app;apps
     *     +kubebuilder:printcolumn:name="Sync Status",type=string,JSONPath=`.status.sync.status`
     *     +kubebuilder:printcolumn:name="Health Status",type=string,JSONPath=`.status.health.status`
     *     +kubebuilder:printcolumn:name="Revision",type=string,JSONPath=`.status.sync.revision`,priority=10
     *     +kubebuilder:printcolumn:name="Project",type=string,JSONPath=`.spec.project`,priority=10
     */
    v1alpha1Application: {
      metadata?: components['schemas']['v1ObjectMeta'];
      operation?: components['schemas']['v1alpha1Operation'];
      spec?: components['schemas']['v1alpha1ApplicationSpec'];
      status?: components['schemas']['v1alpha1ApplicationStatus'];
    };
    /** ApplicationCondition contains details about an application condition, which is usually an error or warning */
    v1alpha1ApplicationCondition: {
      lastTransitionTime?: components['schemas']['v1Time'];
      /** Message contains human-readable message indicating details about condition */
      message?: string;
      /** Type is an application condition type */
      type?: string;
    };
    /** ApplicationDestination holds information about the application's destination */
    v1alpha1ApplicationDestination: {
      /** @description Name is an alternate way of specifying the target cluster by its symbolic name. This must be set if Server is not set. */
      name?: string;
      /**
       * Namespace specifies the target namespace for the application's resources.
       *     The namespace will only be set for namespace-scoped resources that have not set a value for .metadata.namespace
       */
      namespace?: string;
      /** @description Server specifies the URL of the target cluster's Kubernetes control plane API. This must be set if Name is not set. */
      server?: string;
    };
    /** @description ApplicationDestinationServiceAccount holds information about the service account to be impersonated for the application sync operation. */
    v1alpha1ApplicationDestinationServiceAccount: {
      /** DefaultServiceAccount to be used for impersonation during the sync operation */
      defaultServiceAccount?: string;
      /** @description Namespace specifies the target namespace for the application's resources. */
      namespace?: string;
      /** @description Server specifies the URL of the target cluster's Kubernetes control plane API. */
      server?: string;
    };
    /**
     * ApplicationList is list of Application resources
     *     +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
     */
    v1alpha1ApplicationList: {
      items?: components['schemas']['v1alpha1Application'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    v1alpha1ApplicationMatchExpression: {
      key?: string;
      operator?: string;
      values?: string[];
    };
    v1alpha1ApplicationPreservedFields: {
      annotations?: string[];
      labels?: string[];
    };
    /**
     * ApplicationSet is a set of Application resources.
     *     +genclient
     *     +genclient:noStatus
     *     +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
     *     +kubebuilder:resource:path=applicationsets,shortName=appset;appsets
     *     +kubebuilder:subresource:status
     */
    v1alpha1ApplicationSet: {
      metadata?: components['schemas']['v1ObjectMeta'];
      spec?: components['schemas']['v1alpha1ApplicationSetSpec'];
      status?: components['schemas']['v1alpha1ApplicationSetStatus'];
    };
    /** ApplicationSetApplicationStatus contains details about each Application managed by the ApplicationSet */
    v1alpha1ApplicationSetApplicationStatus: {
      /** Application contains the name of the Application resource */
      application?: string;
      lastTransitionTime?: components['schemas']['v1Time'];
      /** Message contains human-readable message indicating details about the status */
      message?: string;
      /** Status contains the AppSet's perceived status of the managed Application resource */
      status?: string;
      /** Step tracks which step this Application should be updated in */
      step?: string;
      /** @description TargetRevision tracks the desired revisions the Application should be synced to. */
      targetrevisions?: string[];
    };
    /** ApplicationSetCondition contains details about an applicationset condition, which is usually an error or warning */
    v1alpha1ApplicationSetCondition: {
      lastTransitionTime?: components['schemas']['v1Time'];
      /** Message contains human-readable message indicating details about condition */
      message?: string;
      /** Single word camelcase representing the reason for the status eg ErrorOccurred */
      reason?: string;
      /** True/False/Unknown */
      status?: string;
      /** Type is an applicationset condition type */
      type?: string;
    };
    /** @description ApplicationSetGenerator represents a generator at the top level of an ApplicationSet. */
    v1alpha1ApplicationSetGenerator: {
      clusterDecisionResource?: components['schemas']['v1alpha1DuckTypeGenerator'];
      clusters?: components['schemas']['v1alpha1ClusterGenerator'];
      git?: components['schemas']['v1alpha1GitGenerator'];
      list?: components['schemas']['v1alpha1ListGenerator'];
      matrix?: components['schemas']['v1alpha1MatrixGenerator'];
      merge?: components['schemas']['v1alpha1MergeGenerator'];
      plugin?: components['schemas']['v1alpha1PluginGenerator'];
      pullRequest?: components['schemas']['v1alpha1PullRequestGenerator'];
      scmProvider?: components['schemas']['v1alpha1SCMProviderGenerator'];
      selector?: components['schemas']['v1LabelSelector'];
    };
    /**
     * ApplicationSetList contains a list of ApplicationSet
     *     +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
     *     +kubebuilder:object:root=true
     */
    v1alpha1ApplicationSetList: {
      items?: components['schemas']['v1alpha1ApplicationSet'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /**
     * @description ApplicationSetNestedGenerator represents a generator nested within a combination-type generator (MatrixGenerator or
     *     MergeGenerator).
     */
    v1alpha1ApplicationSetNestedGenerator: {
      clusterDecisionResource?: components['schemas']['v1alpha1DuckTypeGenerator'];
      clusters?: components['schemas']['v1alpha1ClusterGenerator'];
      git?: components['schemas']['v1alpha1GitGenerator'];
      list?: components['schemas']['v1alpha1ListGenerator'];
      matrix?: components['schemas']['v1JSON'];
      merge?: components['schemas']['v1JSON'];
      plugin?: components['schemas']['v1alpha1PluginGenerator'];
      pullRequest?: components['schemas']['v1alpha1PullRequestGenerator'];
      scmProvider?: components['schemas']['v1alpha1SCMProviderGenerator'];
      selector?: components['schemas']['v1LabelSelector'];
    };
    /**
     * @description ApplicationSetResourceIgnoreDifferences configures how the ApplicationSet controller will ignore differences in live
     *     applications when applying changes from generated applications.
     */
    v1alpha1ApplicationSetResourceIgnoreDifferences: {
      /** @description JQPathExpressions is a list of JQ path expressions to fields to ignore differences for. */
      jqPathExpressions?: string[];
      /** @description JSONPointers is a list of JSON pointers to fields to ignore differences for. */
      jsonPointers?: string[];
      /** @description Name is the name of the application to ignore differences for. If not specified, the rule applies to all applications. */
      name?: string;
    };
    v1alpha1ApplicationSetRolloutStep: {
      matchExpressions?: components['schemas']['v1alpha1ApplicationMatchExpression'][];
      maxUpdate?: components['schemas']['intstrIntOrString'];
    };
    v1alpha1ApplicationSetRolloutStrategy: {
      steps?: components['schemas']['v1alpha1ApplicationSetRolloutStep'][];
    };
    /** @description ApplicationSetSpec represents a class of application set state. */
    v1alpha1ApplicationSetSpec: {
      /**
       * @description ApplyNestedSelectors enables selectors defined within the generators of two level-nested matrix or merge generators.
       *
       *     Deprecated: This field is ignored, and the behavior is always enabled. The field will be removed in a future
       *     version of the ApplicationSet CRD.
       */
      applyNestedSelectors?: boolean;
      generators?: components['schemas']['v1alpha1ApplicationSetGenerator'][];
      goTemplate?: boolean;
      goTemplateOptions?: string[];
      ignoreApplicationDifferences?: components['schemas']['v1alpha1ApplicationSetResourceIgnoreDifferences'][];
      preservedFields?: components['schemas']['v1alpha1ApplicationPreservedFields'];
      strategy?: components['schemas']['v1alpha1ApplicationSetStrategy'];
      syncPolicy?: components['schemas']['v1alpha1ApplicationSetSyncPolicy'];
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      templatePatch?: string;
    };
    /** ApplicationSetStatus defines the observed state of ApplicationSet */
    v1alpha1ApplicationSetStatus: {
      applicationStatus?: components['schemas']['v1alpha1ApplicationSetApplicationStatus'][];
      /**
       * INSERT ADDITIONAL STATUS FIELD - define observed state of cluster
       *     Important: Run "make" to regenerate code after modifying this file
       */
      conditions?: components['schemas']['v1alpha1ApplicationSetCondition'][];
      health?: components['schemas']['v1alpha1HealthStatus'];
      /** @description Resources is a list of Applications resources managed by this application set. */
      resources?: components['schemas']['applicationv1alpha1ResourceStatus'][];
      /**
       * Format: int64
       * @description ResourcesCount is the total number of resources managed by this application set. The count may be higher than actual number of items in the Resources field when
       *     the number of managed resources exceeds the limit imposed by the controller (to avoid making the status field too large).
       */
      resourcesCount?: number;
    };
    /** @description ApplicationSetStrategy configures how generated Applications are updated in sequence. */
    v1alpha1ApplicationSetStrategy: {
      /**
       * DeletionOrder allows specifying the order for deleting generated apps when progressive sync is enabled.
       *     accepts values "AllAtOnce" and "Reverse"
       */
      deletionOrder?: string;
      rollingSync?: components['schemas']['v1alpha1ApplicationSetRolloutStrategy'];
      type?: string;
    };
    /**
     * @description ApplicationSetSyncPolicy configures how generated Applications will relate to their
     *     ApplicationSet.
     */
    v1alpha1ApplicationSetSyncPolicy: {
      /**
       * ApplicationsSync represents the policy applied on the generated applications. Possible values are create-only, create-update, create-delete, sync
       *     +kubebuilder:validation:Optional
       *     +kubebuilder:validation:Enum=create-only;create-update;create-delete;sync
       */
      applicationsSync?: string;
      /** @description PreserveResourcesOnDeletion will preserve resources on deletion. If PreserveResourcesOnDeletion is set to true, these Applications will not be deleted. */
      preserveResourcesOnDeletion?: boolean;
    };
    /** ApplicationSetTemplate represents argocd ApplicationSpec */
    v1alpha1ApplicationSetTemplate: {
      metadata?: components['schemas']['v1alpha1ApplicationSetTemplateMeta'];
      spec?: components['schemas']['v1alpha1ApplicationSpec'];
    };
    /**
     * ApplicationSetTemplateMeta represents the Argo CD application fields that may
     *     be used for Applications generated from the ApplicationSet (based on metav1.ObjectMeta)
     */
    v1alpha1ApplicationSetTemplateMeta: {
      annotations?: {
        [key: string]: string;
      };
      finalizers?: string[];
      labels?: {
        [key: string]: string;
      };
      name?: string;
      namespace?: string;
    };
    /**
     * ApplicationSetTree holds nodes which belongs to the application
     *     Used to build a tree of an ApplicationSet and its children
     */
    v1alpha1ApplicationSetTree: {
      /** Nodes contains list of nodes which are directly managed by the applicationset */
      nodes?: components['schemas']['v1alpha1ResourceNode'][];
    };
    /** @description ApplicationSetWatchEvent contains information about application change. */
    v1alpha1ApplicationSetWatchEvent: {
      applicationSet?: components['schemas']['v1alpha1ApplicationSet'];
      /**
       * Type represents the Kubernetes watch event type. The protobuf tag uses
       *     casttype to ensure the generated Go code keeps this field as
       *     watch.EventType (a strong Go type) instead of falling back to a plain string
       */
      type?: string;
    };
    /** ApplicationSource contains all required information about the source of an application */
    v1alpha1ApplicationSource: {
      /** @description Chart is a Helm chart name, and must be specified for applications sourced from a Helm repo. */
      chart?: string;
      directory?: components['schemas']['v1alpha1ApplicationSourceDirectory'];
      helm?: components['schemas']['v1alpha1ApplicationSourceHelm'];
      kustomize?: components['schemas']['v1alpha1ApplicationSourceKustomize'];
      /** @description Name is used to refer to a source and is displayed in the UI. It is used in multi-source Applications. */
      name?: string;
      /** @description Path is a directory path within the Git repository, and is only valid for applications sourced from Git. */
      path?: string;
      plugin?: components['schemas']['v1alpha1ApplicationSourcePlugin'];
      /** @description Ref is reference to another source within sources field. This field will not be used if used with a `source` tag. */
      ref?: string;
      /** RepoURL is the URL to the repository (Git or Helm) that contains the application manifests */
      repoURL?: string;
      /**
       * @description TagPrefix filters git tags to only those with this prefix before evaluating targetRevision as a semver constraint.
       *     The prefix is stripped from tag names before comparison and re-added to the resolved version.
       *     For example, with tagPrefix "component-b/" and targetRevision "1.0.*", tags like "component-b/1.0.0" and
       *     "component-b/1.0.1" are candidates, and the constraint resolves to "component-b/1.0.1".
       */
      tagPrefix?: string;
      /**
       * @description TargetRevision defines the revision of the source to sync the application to.
       *     In case of Git, this can be commit, tag, or branch. If omitted, will equal to HEAD.
       *     In case of Helm, this is a semver tag for the Chart's version.
       */
      targetRevision?: string;
    };
    /** ApplicationSourceDirectory holds options for applications of type plain YAML or Jsonnet */
    v1alpha1ApplicationSourceDirectory: {
      /**
       * @description DisableExtensionFilter controls whether the built-in file-extension filter is skipped during
       *     manifest generation. When false (the default), only files with a .yaml, .yml, .json, or
       *     .jsonnet extension are considered as potential manifests. Set it to true to disable the filter
       *     so that files with custom extensions (e.g. *.yaml.sealed) can be matched by the include/exclude
       *     glob patterns instead.
       */
      disableExtensionFilter?: boolean;
      /** Exclude contains a glob pattern to match paths against that should be explicitly excluded from being used during manifest generation */
      exclude?: string;
      /** Include contains a glob pattern to match paths against that should be explicitly included during manifest generation */
      include?: string;
      jsonnet?: components['schemas']['v1alpha1ApplicationSourceJsonnet'];
      /** Recurse specifies whether to scan a directory recursively for manifests */
      recurse?: boolean;
    };
    /**
     * ApplicationSourceHelm holds helm specific options
     *     +protobuf.options.(gogoproto.goproto_stringer)=false
     */
    v1alpha1ApplicationSourceHelm: {
      /**
       * @description APIVersions specifies the Kubernetes resource API versions to pass to Helm when templating manifests. By default,
       *     Argo CD uses the API versions of the target cluster. The format is [group/]version/kind.
       */
      apiVersions?: string[];
      /** FileParameters are file parameters to the helm template */
      fileParameters?: components['schemas']['v1alpha1HelmFileParameter'][];
      /** IgnoreMissingValueFiles prevents helm template from failing when valueFiles do not exist locally by not appending them to helm template --values */
      ignoreMissingValueFiles?: boolean;
      /**
       * @description KubeVersion specifies the Kubernetes API version to pass to Helm when templating manifests. By default, Argo CD
       *     uses the Kubernetes version of the target cluster.
       */
      kubeVersion?: string;
      /** @description Namespace is an optional namespace to template with. If left empty, defaults to the app's destination namespace. */
      namespace?: string;
      /** Parameters is a list of Helm parameters which are passed to the helm template command upon manifest generation */
      parameters?: components['schemas']['v1alpha1HelmParameter'][];
      /** PassCredentials pass credentials to all domains (Helm's --pass-credentials) */
      passCredentials?: boolean;
      /** ReleaseName is the Helm release name to use. If omitted it will use the application name */
      releaseName?: string;
      /** SkipCrds skips custom resource definition installation step (Helm's --skip-crds) */
      skipCrds?: boolean;
      /** SkipSchemaValidation skips JSON schema validation (Helm's --skip-schema-validation) */
      skipSchemaValidation?: boolean;
      /** @description SkipTests skips test manifest installation step (Helm's --skip-tests). */
      skipTests?: boolean;
      /** ValuesFiles is a list of Helm value files to use when generating a template */
      valueFiles?: string[];
      /**
       * Values specifies Helm values to be passed to helm template, typically defined as a block. ValuesObject takes precedence over Values, so use one or the other.
       *     +patchStrategy=replace
       */
      values?: string;
      valuesObject?: Record<string, never>;
      /** Version is the Helm version to use for templating ("3") */
      version?: string;
    };
    /** ApplicationSourceJsonnet holds options specific to applications of type Jsonnet */
    v1alpha1ApplicationSourceJsonnet: {
      /** ExtVars is a list of Jsonnet External Variables */
      extVars?: components['schemas']['v1alpha1JsonnetVar'][];
      /** Additional library search dirs */
      libs?: string[];
      /** TLAS is a list of Jsonnet Top-level Arguments */
      tlas?: components['schemas']['v1alpha1JsonnetVar'][];
    };
    /** ApplicationSourceKustomize holds options specific to an Application source specific to Kustomize */
    v1alpha1ApplicationSourceKustomize: {
      /**
       * @description APIVersions specifies the Kubernetes resource API versions to pass to Helm when templating manifests. By default,
       *     Argo CD uses the API versions of the target cluster. The format is [group/]version/kind.
       */
      apiVersions?: string[];
      /** CommonAnnotations is a list of additional annotations to add to rendered manifests */
      commonAnnotations?: {
        [key: string]: string;
      };
      /** CommonAnnotationsEnvsubst specifies whether to apply env variables substitution for annotation values */
      commonAnnotationsEnvsubst?: boolean;
      /** CommonLabels is a list of additional labels to add to rendered manifests */
      commonLabels?: {
        [key: string]: string;
      };
      /** Components specifies a list of kustomize components to add to the kustomization before building */
      components?: string[];
      /** ForceCommonAnnotations specifies whether to force applying common annotations to resources for Kustomize apps */
      forceCommonAnnotations?: boolean;
      /** ForceCommonLabels specifies whether to force applying common labels to resources for Kustomize apps */
      forceCommonLabels?: boolean;
      /** IgnoreMissingComponents prevents kustomize from failing when components do not exist locally by not appending them to kustomization file */
      ignoreMissingComponents?: boolean;
      /** Images is a list of Kustomize image override specifications */
      images?: string[];
      /**
       * @description KubeVersion specifies the Kubernetes API version to pass to Helm when templating manifests. By default, Argo CD
       *     uses the Kubernetes version of the target cluster.
       */
      kubeVersion?: string;
      /** LabelIncludeTemplates specifies whether to apply common labels to resource templates or not */
      labelIncludeTemplates?: boolean;
      /** LabelWithoutSelector specifies whether to apply common labels to resource selectors or not */
      labelWithoutSelector?: boolean;
      /** NamePrefix overrides the namePrefix in the kustomization.yaml for Kustomize apps */
      namePrefix?: string;
      /** Namespace sets the namespace that Kustomize adds to all resources */
      namespace?: string;
      /** NameSuffix overrides the nameSuffix in the kustomization.yaml for Kustomize apps */
      nameSuffix?: string;
      /** Patches is a list of Kustomize patches */
      patches?: components['schemas']['v1alpha1KustomizePatch'][];
      /** Replicas is a list of Kustomize Replicas override specifications */
      replicas?: components['schemas']['v1alpha1KustomizeReplica'][];
      /** Version controls which version of Kustomize to use for rendering manifests */
      version?: string;
    };
    /** ApplicationSourcePlugin holds options specific to config management plugins */
    v1alpha1ApplicationSourcePlugin: {
      env?: components['schemas']['applicationv1alpha1EnvEntry'][];
      name?: string;
      parameters?: components['schemas']['v1alpha1ApplicationSourcePluginParameter'][];
    };
    v1alpha1ApplicationSourcePluginParameter: {
      /** @description Array is the value of an array type parameter. */
      array?: string[];
      /** @description Map is the value of a map type parameter. */
      map?: {
        [key: string]: string;
      };
      /** @description Name is the name identifying a parameter. */
      name?: string;
      /** @description String_ is the value of a string type parameter. */
      string?: string;
    };
    /** @description ApplicationSpec represents desired application state. Contains link to repository with application definition and additional parameters link definition revision. */
    v1alpha1ApplicationSpec: {
      destination?: components['schemas']['v1alpha1ApplicationDestination'];
      /** IgnoreDifferences is a list of resources and their fields which should be ignored during comparison */
      ignoreDifferences?: components['schemas']['v1alpha1ResourceIgnoreDifferences'][];
      /** Info contains a list of information (URLs, email addresses, and plain text) that relates to the application */
      info?: components['schemas']['v1alpha1Info'][];
      /**
       * @description Project is a reference to the project this application belongs to.
       *     The empty string means that application belongs to the 'default' project.
       */
      project?: string;
      /**
       * Format: int64
       * @description RevisionHistoryLimit limits the number of items kept in the application's revision history, which is used for informational purposes as well as for rollbacks to previous versions.
       *     This should only be changed in exceptional circumstances.
       *     Setting to zero will store no history. This will reduce storage used.
       *     Increasing will increase the space used to store the history, so we do not recommend increasing it.
       *     Default is 10.
       */
      revisionHistoryLimit?: number;
      source?: components['schemas']['v1alpha1ApplicationSource'];
      sourceHydrator?: components['schemas']['v1alpha1SourceHydrator'];
      /** Sources is a reference to the location of the application's manifests or chart */
      sources?: components['schemas']['v1alpha1ApplicationSource'][];
      syncPolicy?: components['schemas']['v1alpha1SyncPolicy'];
    };
    /** ApplicationStatus contains status information for the application */
    v1alpha1ApplicationStatus: {
      /** Conditions is a list of currently observed application conditions */
      conditions?: components['schemas']['v1alpha1ApplicationCondition'][];
      /** ControllerNamespace indicates the namespace in which the application controller is located */
      controllerNamespace?: string;
      health?: components['schemas']['v1alpha1AppHealthStatus'];
      /** History contains information about the application's sync history */
      history?: components['schemas']['v1alpha1RevisionHistory'][];
      observedAt?: components['schemas']['v1Time'];
      operationState?: components['schemas']['v1alpha1OperationState'];
      reconciledAt?: components['schemas']['v1Time'];
      /** ResourceHealthSource indicates where the resource health status is stored: inline if not set or appTree */
      resourceHealthSource?: string;
      /** Resources is a list of Kubernetes resources managed by this application */
      resources?: components['schemas']['applicationv1alpha1ResourceStatus'][];
      sourceHydrator?: components['schemas']['v1alpha1SourceHydratorStatus'];
      /** SourceType specifies the type of this application */
      sourceType?: string;
      /** SourceTypes specifies the type of the sources included in the application */
      sourceTypes?: string[];
      summary?: components['schemas']['v1alpha1ApplicationSummary'];
      sync?: components['schemas']['v1alpha1SyncStatus'];
    };
    /** ApplicationSummary contains information about URLs and container images used by an application */
    v1alpha1ApplicationSummary: {
      /** @description ExternalURLs holds all external URLs of application child resources. */
      externalURLs?: string[];
      /** @description Images holds all images of application child resources. */
      images?: string[];
      /** @description IsAppOfApps holds true if the application has any application for child resource. */
      isAppOfApps?: boolean;
    };
    /** @description ApplicationTree represents the hierarchical structure of resources associated with an Argo CD application. */
    v1alpha1ApplicationTree: {
      /** @description Hosts provides a list of Kubernetes nodes that are running pods related to the application. */
      hosts?: components['schemas']['v1alpha1HostInfo'][];
      /**
       * @description Nodes contains a list of resources that are either directly managed by the application
       *     or are children of directly managed resources.
       */
      nodes?: components['schemas']['v1alpha1ResourceNode'][];
      /**
       * @description OrphanedNodes contains resources that exist in the same namespace as the application
       *     but are not managed by it. This list is populated only if orphaned resource tracking
       *     is enabled in the application's project settings.
       */
      orphanedNodes?: components['schemas']['v1alpha1ResourceNode'][];
      /**
       * Format: int64
       * @description ShardsCount represents the total number of shards the application tree is split into.
       *     This is used to distribute resource processing across multiple shards.
       */
      shardsCount?: number;
    };
    /** @description ApplicationWatchEvent contains information about application change. */
    v1alpha1ApplicationWatchEvent: {
      application?: components['schemas']['v1alpha1Application'];
      type?: string;
    };
    /**
     * AppProject provides a logical grouping of applications, providing controls for:
     *     * where the apps may deploy to (cluster whitelist)
     *     * what may be deployed (repository whitelist, resource whitelist/blacklist)
     *     * who can access these applications (roles, OIDC group claims bindings)
     *     * and what they can do (RBAC policies)
     *     * automation access to these roles (JWT tokens)
     *     +genclient
     *     +genclient:noStatus
     *     +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
     *     +kubebuilder:resource:path=appprojects,shortName=appproj;appprojs
     */
    v1alpha1AppProject: {
      metadata?: components['schemas']['v1ObjectMeta'];
      spec?: components['schemas']['v1alpha1AppProjectSpec'];
      status?: components['schemas']['v1alpha1AppProjectStatus'];
    };
    /**
     * AppProjectList is list of AppProject resources
     *     +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
     */
    v1alpha1AppProjectList: {
      items?: components['schemas']['v1alpha1AppProject'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /** AppProjectSpec is the specification of an AppProject */
    v1alpha1AppProjectSpec: {
      /** ClusterResourceBlacklist contains list of blacklisted cluster level resources */
      clusterResourceBlacklist?: components['schemas']['v1alpha1ClusterResourceRestrictionItem'][];
      /** ClusterResourceWhitelist contains list of whitelisted cluster level resources */
      clusterResourceWhitelist?: components['schemas']['v1alpha1ClusterResourceRestrictionItem'][];
      /**
       * Description contains optional project description
       *     +kubebuilder:validation:MaxLength=255
       */
      description?: string;
      /** Destinations contains list of destinations available for deployment */
      destinations?: components['schemas']['v1alpha1ApplicationDestination'][];
      /** @description DestinationServiceAccounts holds information about the service accounts to be impersonated for the application sync operation for each destination. */
      destinationServiceAccounts?: components['schemas']['v1alpha1ApplicationDestinationServiceAccount'][];
      /** NamespaceResourceBlacklist contains list of blacklisted namespace level resources */
      namespaceResourceBlacklist?: components['schemas']['v1GroupKind'][];
      /** NamespaceResourceWhitelist contains list of whitelisted namespace level resources */
      namespaceResourceWhitelist?: components['schemas']['v1GroupKind'][];
      orphanedResources?: components['schemas']['v1alpha1OrphanedResourcesMonitorSettings'];
      /** PermitOnlyProjectScopedClusters determines whether destinations can only reference clusters which are project-scoped */
      permitOnlyProjectScopedClusters?: boolean;
      /** Roles are user defined RBAC roles associated with this project */
      roles?: components['schemas']['v1alpha1ProjectRole'][];
      /**
       * SignatureKeys contains a list of PGP key IDs that commits in Git must be signed with in order to be allowed for sync
       * @description Deprecated: Use SourceIntegrity instead. SignatureKeys will be removed with the next major version.
       */
      signatureKeys?: components['schemas']['v1alpha1SignatureKey'][];
      sourceIntegrity?: components['schemas']['v1alpha1SourceIntegrity'];
      /** SourceNamespaces defines the namespaces application resources are allowed to be created in */
      sourceNamespaces?: string[];
      /** SourceRepos contains list of repository URLs which can be used for deployment */
      sourceRepos?: string[];
      /** SyncWindows controls when syncs can be run for apps in this project */
      syncWindows?: components['schemas']['v1alpha1SyncWindow'][];
    };
    /** AppProjectStatus contains status information for AppProject CRs */
    v1alpha1AppProjectStatus: {
      /** JWTTokensByRole contains a list of JWT tokens issued for a given role */
      jwtTokensByRole?: {
        [key: string]: components['schemas']['v1alpha1JWTTokens'];
      };
    };
    /** AWSAuthConfig is an AWS IAM authentication configuration */
    v1alpha1AWSAuthConfig: {
      /** ClusterName contains AWS cluster name */
      clusterName?: string;
      /** @description Profile contains optional role ARN. If set then AWS IAM Authenticator uses the profile to perform cluster operations instead of the default AWS credential provider chain. */
      profile?: string;
      /** @description RoleARN contains optional role ARN. If set then AWS IAM Authenticator assume a role to perform cluster operations instead of the default AWS credential provider chain. */
      roleARN?: string;
    };
    /** Backoff is the backoff strategy to use on subsequent retries for failing syncs */
    v1alpha1Backoff: {
      /** Duration is the amount to back off. Default unit is seconds, but could also be a duration (e.g. "2m", "1h") */
      duration?: string;
      /**
       * Factor is a factor to multiply the base duration after each failed retry
       * Format: int64
       */
      factor?: number;
      /** MaxDuration is the maximum amount of time allowed for the backoff strategy */
      maxDuration?: string;
    };
    /** @description BasicAuthBitbucketServer defines the username/(password or personal access token) for Basic auth. */
    v1alpha1BasicAuthBitbucketServer: {
      passwordRef?: components['schemas']['v1alpha1SecretRef'];
      /** Username for Basic auth */
      username?: string;
    };
    /** @description BearerTokenBitbucket defines the Bearer token for BitBucket AppToken auth. */
    v1alpha1BearerTokenBitbucket: {
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** @description BearerTokenBitbucketCloud defines the Bearer token for BitBucket AppToken auth. */
    v1alpha1BearerTokenBitbucketCloud: {
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** ChartDetails contains helm chart metadata for a specific version */
    v1alpha1ChartDetails: {
      description?: string;
      /** The URL of this projects home page, e.g. "http://example.com" */
      home?: string;
      /** List of maintainer details, name and email, e.g. ["John Doe <john_doe@my-company.com>"] */
      maintainers?: string[];
    };
    /** Cluster is the definition of a cluster resource */
    v1alpha1Cluster: {
      /** Annotations for cluster secret metadata */
      annotations?: {
        [key: string]: string;
      };
      /** @description Indicates if cluster level resources should be managed. This setting is used only if cluster is connected in a namespaced mode. */
      clusterResources?: boolean;
      config?: components['schemas']['v1alpha1ClusterConfig'];
      connectionState?: components['schemas']['v1alpha1ConnectionState'];
      info?: components['schemas']['v1alpha1ClusterInfo'];
      /** Labels for cluster secret metadata */
      labels?: {
        [key: string]: string;
      };
      /** Name of the cluster. If omitted, will use the server address */
      name?: string;
      /** @description Holds list of namespaces which are accessible in that cluster. Cluster level resources will be ignored if namespace list is not empty. */
      namespaces?: string[];
      /** Reference between project and cluster that allow you automatically to be added as item inside Destinations project entity */
      project?: string;
      refreshRequestedAt?: components['schemas']['v1Time'];
      /** Server is the API server URL of the Kubernetes cluster */
      server?: string;
      /**
       * Deprecated: use Info.ServerVersion field instead.
       *     The server version
       */
      serverVersion?: string;
      /**
       * Format: int64
       * @description Shard contains optional shard number. Calculated on the fly by the application controller if not specified.
       */
      shard?: number;
    };
    /** ClusterCacheInfo contains information about the cluster cache */
    v1alpha1ClusterCacheInfo: {
      /**
       * APIsCount holds number of observed Kubernetes API count
       * Format: int64
       */
      apisCount?: number;
      lastCacheSyncTime?: components['schemas']['v1Time'];
      /**
       * ResourcesCount holds number of observed Kubernetes resources
       * Format: int64
       */
      resourcesCount?: number;
    };
    /**
     * @description ClusterConfig is the configuration attributes. This structure is subset of the go-client
     *     rest.Config with annotations added for marshalling.
     */
    v1alpha1ClusterConfig: {
      awsAuthConfig?: components['schemas']['v1alpha1AWSAuthConfig'];
      /**
       * @description Server requires Bearer authentication. This client will not attempt to use
       *     refresh tokens for an OAuth2 flow.
       *     TODO: demonstrate an OAuth2 compatible client.
       */
      bearerToken?: string;
      /** @description DisableCompression bypasses automatic GZip compression requests to the server. */
      disableCompression?: boolean;
      execProviderConfig?: components['schemas']['v1alpha1ExecProviderConfig'];
      password?: string;
      /** ProxyURL is the URL to the proxy to be used for all requests send to the server */
      proxyUrl?: string;
      tlsClientConfig?: components['schemas']['v1alpha1TLSClientConfig'];
      /** Server requires Basic authentication */
      username?: string;
    };
    /** @description ClusterGenerator defines a generator to match against clusters registered with ArgoCD. */
    v1alpha1ClusterGenerator: {
      /** returns the clusters a single 'clusters' value in the template */
      flatList?: boolean;
      selector?: components['schemas']['v1LabelSelector'];
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      /** Values contains key/value pairs which are passed directly as parameters to the template */
      values?: {
        [key: string]: string;
      };
    };
    /** ClusterInfo contains information about the cluster */
    v1alpha1ClusterInfo: {
      /** APIVersions contains list of API versions supported by the cluster */
      apiVersions?: string[];
      /**
       * ApplicationsCount is the number of applications managed by Argo CD on the cluster
       * Format: int64
       */
      applicationsCount?: number;
      cacheInfo?: components['schemas']['v1alpha1ClusterCacheInfo'];
      connectionState?: components['schemas']['v1alpha1ConnectionState'];
      /** ServerVersion contains information about the Kubernetes version of the cluster */
      serverVersion?: string;
    };
    /** @description ClusterList is a collection of Clusters. */
    v1alpha1ClusterList: {
      items?: components['schemas']['v1alpha1Cluster'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /** ClusterResourceRestrictionItem is a cluster resource that is restricted by the project's whitelist or blacklist */
    v1alpha1ClusterResourceRestrictionItem: {
      group?: string;
      kind?: string;
      /**
       * @description Name is the name of the restricted resource. Glob patterns using Go's filepath.Match syntax are supported.
       *     Unlike the group and kind fields, if no name is specified, all resources of the specified group/kind are matched.
       */
      name?: string;
    };
    /** Command holds binary path and arguments list */
    v1alpha1Command: {
      args?: string[];
      command?: string[];
    };
    /** @description CommitMetadata contains metadata about a commit that is related in some way to another commit. */
    v1alpha1CommitMetadata: {
      /**
       * @description Author is the author of the commit, i.e. `git show -s --format=%an <%ae>`.
       *     Must be formatted according to RFC 5322 (mail.Address.String()).
       *     Comes from the Argocd-reference-commit-author trailer.
       */
      author?: string;
      /**
       * @description Body is the commit message body minus the subject line, i.e. `git show -s --format=%b`.
       *     Comes from the Argocd-reference-commit-body trailer.
       */
      body?: string;
      /**
       * @description Date is the date of the commit, formatted as by `git show -s --format=%aI` (RFC 3339).
       *     It can also be an empty string if the date is unknown.
       *     Comes from the Argocd-reference-commit-date trailer.
       */
      date?: string;
      /**
       * @description RepoURL is the URL of the repository where the commit is located.
       *     Comes from the Argocd-reference-commit-repourl trailer.
       *     This value is not validated and should not be used to construct UI links unless it is properly
       *     validated and/or sanitized first.
       */
      repoUrl?: string;
      /**
       * @description SHA is the commit hash.
       *     Comes from the Argocd-reference-commit-sha trailer.
       */
      sha?: string;
      /**
       * @description Subject is the commit message subject line, i.e. `git show -s --format=%s`.
       *     Comes from the Argocd-reference-commit-subject trailer.
       */
      subject?: string;
    };
    /** ComparedTo contains application source and target which was used for resources comparison */
    v1alpha1ComparedTo: {
      destination?: components['schemas']['v1alpha1ApplicationDestination'];
      /** IgnoreDifferences is a reference to the application's ignored differences used for comparison */
      ignoreDifferences?: components['schemas']['v1alpha1ResourceIgnoreDifferences'][];
      source?: components['schemas']['v1alpha1ApplicationSource'];
      /** Sources is a reference to the application's multiple sources used for comparison */
      sources?: components['schemas']['v1alpha1ApplicationSource'][];
    };
    /** ConfigManagementPlugin contains config management plugin configuration */
    v1alpha1ConfigManagementPlugin: {
      generate?: components['schemas']['v1alpha1Command'];
      init?: components['schemas']['v1alpha1Command'];
      lockRepo?: boolean;
      name?: string;
    };
    /** @description ConfigMapKeyRef struct for a reference to a configmap key. */
    v1alpha1ConfigMapKeyRef: {
      configMapName?: string;
      key?: string;
    };
    /** ConnectionState contains information about remote resource connection state, currently used for clusters and repositories */
    v1alpha1ConnectionState: {
      attemptedAt?: components['schemas']['v1Time'];
      /** Message contains human readable information about the connection status */
      message?: string;
      /** Status contains the current status indicator for the connection */
      status?: string;
    };
    /** @description DrySource specifies a location for dry "don't repeat yourself" manifest source information. */
    v1alpha1DrySource: {
      directory?: components['schemas']['v1alpha1ApplicationSourceDirectory'];
      helm?: components['schemas']['v1alpha1ApplicationSourceHelm'];
      kustomize?: components['schemas']['v1alpha1ApplicationSourceKustomize'];
      /** Path is a directory path within the Git repository where the manifests are located */
      path?: string;
      plugin?: components['schemas']['v1alpha1ApplicationSourcePlugin'];
      /** RepoURL is the URL to the git repository that contains the application manifests */
      repoURL?: string;
      /** TargetRevision defines the revision of the source to hydrate */
      targetRevision?: string;
    };
    /** @description DuckType defines a generator to match against clusters registered with ArgoCD. */
    v1alpha1DuckTypeGenerator: {
      /**
       * ConfigMapRef is a ConfigMap with the duck type definitions needed to retrieve the data
       *                  this includes apiVersion(group/version), kind, matchKey and validation settings
       *     Name is the resource name of the kind, group and version, defined in the ConfigMapRef
       *     RequeueAfterSeconds is how long before the duckType will be rechecked for a change
       */
      configMapRef?: string;
      labelSelector?: components['schemas']['v1LabelSelector'];
      name?: string;
      /** Format: int64 */
      requeueAfterSeconds?: number;
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      /** Values contains key/value pairs which are passed directly as parameters to the template */
      values?: {
        [key: string]: string;
      };
    };
    /**
     * ExecProviderConfig is config used to call an external command to perform cluster authentication
     *     See: https://godoc.org/k8s.io/client-go/tools/clientcmd/api#ExecConfig
     */
    v1alpha1ExecProviderConfig: {
      /** Preferred input version of the ExecInfo */
      apiVersion?: string;
      /** Arguments to pass to the command when executing it */
      args?: string[];
      /** Command to execute */
      command?: string;
      config?: components['schemas']['runtimeRawExtension'];
      /** Env defines additional environment variables to expose to the process */
      env?: {
        [key: string]: string;
      };
      /** This text is shown to the user when the executable doesn't seem to be present */
      installHint?: string;
      /**
       * ProvideClusterInfo determines whether or not to provide cluster information,
       *     which could potentially contain very large CA data, to this exec plugin as a
       *     part of the KUBERNETES_EXEC_INFO environment variable.
       *     Comment mirrored from k8s.io/client-go/tools/clientcmd/api.ExecConfig.ProvideClusterInfo
       */
      provideClusterInfo?: boolean;
    };
    v1alpha1GitDirectoryGeneratorItem: {
      exclude?: boolean;
      path?: string;
    };
    v1alpha1GitFileGeneratorItem: {
      exclude?: boolean;
      path?: string;
    };
    v1alpha1GitGenerator: {
      directories?: components['schemas']['v1alpha1GitDirectoryGeneratorItem'][];
      files?: components['schemas']['v1alpha1GitFileGeneratorItem'][];
      pathParamPrefix?: string;
      repoURL?: string;
      /** Format: int64 */
      requeueAfterSeconds?: number;
      revision?: string;
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      /** Values contains key/value pairs which are passed directly as parameters to the template */
      values?: {
        [key: string]: string;
      };
    };
    /** GnuPGPublicKey is a representation of a GnuPG public key */
    v1alpha1GnuPGPublicKey: {
      /** Fingerprint is the fingerprint of the key */
      fingerprint?: string;
      /** KeyData holds the raw key data, in base64 encoded format */
      keyData?: string;
      /** KeyID specifies the key ID, in hexadecimal string format */
      keyID?: string;
      /** Owner holds the owner identification, e.g. a name and e-mail address */
      owner?: string;
      /** SubType holds the key's subtype (e.g. rsa4096) */
      subType?: string;
      /** Trust holds the level of trust assigned to this key */
      trust?: string;
    };
    /** GnuPGPublicKeyList is a collection of GnuPGPublicKey objects */
    v1alpha1GnuPGPublicKeyList: {
      items?: components['schemas']['v1alpha1GnuPGPublicKey'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /** HealthStatus contains information about the currently observed health state of a resource */
    v1alpha1HealthStatus: {
      lastTransitionTime?: components['schemas']['v1Time'];
      /** Message is a human-readable informational message describing the health status */
      message?: string;
      /** Status holds the status code of the resource */
      status?: string;
    };
    /** HelmFileParameter is a file parameter that's passed to helm template during manifest generation */
    v1alpha1HelmFileParameter: {
      /** Name is the name of the Helm parameter */
      name?: string;
      /** Path is the path to the file containing the values for the Helm parameter */
      path?: string;
    };
    /** HelmParameter is a parameter that's passed to helm template during manifest generation */
    v1alpha1HelmParameter: {
      /** ForceString determines whether to tell Helm to interpret booleans and numbers as strings */
      forceString?: boolean;
      /** Name is the name of the Helm parameter */
      name?: string;
      /** Value is the value for the Helm parameter */
      value?: string;
    };
    /** @description HostInfo holds metadata and resource usage metrics for a specific host in the cluster. */
    v1alpha1HostInfo: {
      /** @description Labels holds the labels attached to the host. */
      labels?: {
        [key: string]: string;
      };
      /** @description Name is the hostname or node name in the Kubernetes cluster. */
      name?: string;
      /** @description ResourcesInfo provides a list of resource usage details for different resource types on this host. */
      resourcesInfo?: components['schemas']['v1alpha1HostResourceInfo'][];
      systemInfo?: components['schemas']['v1NodeSystemInfo'];
    };
    /** @description HostResourceInfo represents resource usage details for a specific resource type on a host. */
    v1alpha1HostResourceInfo: {
      /**
       * Format: int64
       * @description Capacity represents the total available capacity of this resource on the host.
       */
      capacity?: number;
      /**
       * Format: int64
       * @description RequestedByApp indicates the total amount of this resource requested by the application running on the host.
       */
      requestedByApp?: number;
      /**
       * Format: int64
       * @description RequestedByNeighbors indicates the total amount of this resource requested by other workloads on the same host.
       */
      requestedByNeighbors?: number;
      /** @description ResourceName specifies the type of resource (e.g., CPU, memory, storage). */
      resourceName?: string;
    };
    /** HydrateOperation contains information about the most recent hydrate operation */
    v1alpha1HydrateOperation: {
      /** DrySHA holds the resolved revision (sha) of the dry source as of the most recent reconciliation */
      drySHA?: string;
      finishedAt?: components['schemas']['v1Time'];
      /** HydratedSHA holds the resolved revision (sha) of the hydrated source as of the most recent reconciliation */
      hydratedSHA?: string;
      /** Message contains a message describing the current status of the hydrate operation */
      message?: string;
      /** Phase indicates the status of the hydrate operation */
      phase?: string;
      sourceHydrator?: components['schemas']['v1alpha1SourceHydrator'];
      startedAt?: components['schemas']['v1Time'];
    };
    /**
     * @description HydrateTo specifies a branch to which hydrated manifests should be pushed as a "staging area" before being moved to
     *     the SyncSource. The repository and path are inherited from SyncSource.
     */
    v1alpha1HydrateTo: {
      /** TargetBranch is the branch to which hydrated manifests should be committed */
      targetBranch?: string;
    };
    v1alpha1Info: {
      name?: string;
      value?: string;
    };
    /** InfoItem contains arbitrary, human readable information about an application */
    v1alpha1InfoItem: {
      /** @description Name is a human readable title for this piece of information. */
      name?: string;
      /** @description Value is human readable content. */
      value?: string;
    };
    /** JsonnetVar represents a variable to be passed to jsonnet during manifest generation */
    v1alpha1JsonnetVar: {
      code?: boolean;
      name?: string;
      value?: string;
    };
    /** JWTToken holds the issuedAt and expiresAt values of a token */
    v1alpha1JWTToken: {
      /** Format: int64 */
      exp?: number;
      /** Format: int64 */
      iat?: number;
      id?: string;
    };
    /** JWTTokens represents a list of JWT tokens */
    v1alpha1JWTTokens: {
      items?: components['schemas']['v1alpha1JWTToken'][];
    };
    /**
     * @description KnownTypeField contains a mapping between a Custom Resource Definition (CRD) field
     *     and a well-known Kubernetes type. This mapping is primarily used for unit conversions
     *     in resources where the type is not explicitly defined (e.g., converting "0.1" to "100m" for CPU requests).
     */
    v1alpha1KnownTypeField: {
      /**
       * Field represents the JSON path to the specific field in the CRD that requires type conversion.
       *     Example: "spec.resources.requests.cpu"
       */
      field?: string;
      /**
       * @description Type specifies the expected Kubernetes type for the field, such as "cpu" or "memory".
       *     This helps in converting values between different formats (e.g., "0.1" to "100m" for CPU).
       */
      type?: string;
    };
    v1alpha1KustomizeGvk: {
      group?: string;
      kind?: string;
      version?: string;
    };
    /** KustomizeOptions are options for kustomize to use when building manifests */
    v1alpha1KustomizeOptions: {
      /**
       * BinaryPath holds optional path to kustomize binary
       * @description Deprecated: Use settings.Settings instead. See: settings.Settings.KustomizeVersions.
       *     If this field is set, it will be used as the Kustomize binary path.
       *     Otherwise, Versions is used.
       */
      binaryPath?: string;
      /** BuildOptions is a string of build parameters to use when calling `kustomize build` */
      buildOptions?: string;
      /** @description Versions is a list of Kustomize versions and their corresponding binary paths and build options. */
      versions?: components['schemas']['v1alpha1KustomizeVersion'][];
    };
    v1alpha1KustomizePatch: {
      options?: {
        [key: string]: boolean;
      };
      patch?: string;
      path?: string;
      target?: components['schemas']['v1alpha1KustomizeSelector'];
    };
    v1alpha1KustomizeReplica: {
      count?: components['schemas']['intstrIntOrString'];
      /** Name of Deployment or StatefulSet */
      name?: string;
    };
    v1alpha1KustomizeResId: {
      gvk?: components['schemas']['v1alpha1KustomizeGvk'];
      name?: string;
      namespace?: string;
    };
    v1alpha1KustomizeSelector: {
      annotationSelector?: string;
      labelSelector?: string;
      resId?: components['schemas']['v1alpha1KustomizeResId'];
    };
    /** KustomizeVersion holds information about additional Kustomize versions */
    v1alpha1KustomizeVersion: {
      /** BuildOptions that are specific to a Kustomize version */
      buildOptions?: string;
      /** Name holds Kustomize version name */
      name?: string;
      /** Path holds the corresponding binary path */
      path?: string;
    };
    /** ListGenerator include items info */
    v1alpha1ListGenerator: {
      /** +kubebuilder:validation:Optional */
      elements?: components['schemas']['v1JSON'][];
      elementsYaml?: string;
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
    };
    v1alpha1ManagedNamespaceMetadata: {
      annotations?: {
        [key: string]: string;
      };
      labels?: {
        [key: string]: string;
      };
    };
    /**
     * @description MatrixGenerator generates the cartesian product of two sets of parameters. The parameters are defined by two nested
     *     generators.
     */
    v1alpha1MatrixGenerator: {
      generators?: components['schemas']['v1alpha1ApplicationSetNestedGenerator'][];
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
    };
    /**
     * @description MergeGenerator merges the output of two or more generators. Where the values for all specified merge keys are equal
     *     between two sets of generated parameters, the parameter sets will be merged with the parameters from the latter
     *     generator taking precedence. Parameter sets with merge keys not present in the base generator's params will be
     *     ignored.
     *     For example, if the first generator produced [{a: '1', b: '2'}, {c: '1', d: '1'}] and the second generator produced
     *     [{'a': 'override'}], the united parameters for merge keys = ['a'] would be
     *     [{a: 'override', b: '1'}, {c: '1', d: '1'}].
     *
     *     MergeGenerator supports template overriding. If a MergeGenerator is one of multiple top-level generators, its
     *     template will be merged with the top-level generator before the parameters are applied.
     */
    v1alpha1MergeGenerator: {
      generators?: components['schemas']['v1alpha1ApplicationSetNestedGenerator'][];
      mergeKeys?: string[];
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
    };
    /** OCIMetadata contains metadata for a specific revision in an OCI repository */
    v1alpha1OCIMetadata: {
      authors?: string;
      createdAt?: string;
      description?: string;
      docsUrl?: string;
      imageUrl?: string;
      sourceUrl?: string;
      version?: string;
    };
    /** Operation contains information about a requested or running operation */
    v1alpha1Operation: {
      /** Info is a list of informational items for this operation */
      info?: components['schemas']['v1alpha1Info'][];
      initiatedBy?: components['schemas']['v1alpha1OperationInitiator'];
      retry?: components['schemas']['v1alpha1RetryStrategy'];
      sync?: components['schemas']['v1alpha1SyncOperation'];
    };
    /** OperationInitiator contains information about the initiator of an operation */
    v1alpha1OperationInitiator: {
      /** @description Automated is set to true if operation was initiated automatically by the application controller. */
      automated?: boolean;
      /** Username contains the name of a user who started operation */
      username?: string;
    };
    /** OperationState contains information about state of a running operation */
    v1alpha1OperationState: {
      finishedAt?: components['schemas']['v1Time'];
      /** @description Message holds any pertinent messages when attempting to perform operation (typically errors). */
      message?: string;
      operation?: components['schemas']['v1alpha1Operation'];
      /** Phase is the current phase of the operation */
      phase?: string;
      /**
       * RetryCount contains time of operation retries
       * Format: int64
       */
      retryCount?: number;
      startedAt?: components['schemas']['v1Time'];
      syncResult?: components['schemas']['v1alpha1SyncOperationResult'];
    };
    /** OrphanedResourceKey is a reference to a resource to be ignored from */
    v1alpha1OrphanedResourceKey: {
      group?: string;
      kind?: string;
      name?: string;
    };
    /** OrphanedResourcesMonitorSettings holds settings of orphaned resources monitoring */
    v1alpha1OrphanedResourcesMonitorSettings: {
      /** Ignore contains a list of resources that are to be excluded from orphaned resources monitoring */
      ignore?: components['schemas']['v1alpha1OrphanedResourceKey'][];
      /** Warn indicates if warning condition should be created for apps which have orphaned resources */
      warn?: boolean;
    };
    /**
     * OverrideIgnoreDiff contains configurations about how fields should be ignored during diffs between
     *     the desired state and live state
     */
    v1alpha1OverrideIgnoreDiff: {
      /** JQPathExpressions is a JQ path list that will be evaludated during the diff process */
      jqPathExpressions?: string[];
      /** JSONPointers is a JSON path list following the format defined in RFC4627 (https://datatracker.ietf.org/doc/html/rfc6902#section-3) */
      jSONPointers?: string[];
      /**
       * ManagedFieldsManagers is a list of trusted managers. Fields mutated by those managers will take precedence over the
       *     desired state defined in the SCM and won't be displayed in diffs
       */
      managedFieldsManagers?: string[];
    };
    v1alpha1PluginConfigMapRef: {
      /** Name of the ConfigMap */
      name?: string;
    };
    /** @description PluginGenerator defines connection info specific to Plugin. */
    v1alpha1PluginGenerator: {
      configMapRef?: components['schemas']['v1alpha1PluginConfigMapRef'];
      input?: components['schemas']['v1alpha1PluginInput'];
      /**
       * Format: int64
       * @description RequeueAfterSeconds determines how long the ApplicationSet controller will wait before reconciling the ApplicationSet again.
       */
      requeueAfterSeconds?: number;
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      /**
       * @description Values contains key/value pairs which are passed directly as parameters to the template. These values will not be
       *     sent as parameters to the plugin.
       */
      values?: {
        [key: string]: string;
      };
    };
    v1alpha1PluginInput: {
      /**
       * @description Parameters contains the information to pass to the plugin. It is a map. The keys must be strings, and the
       *     values can be any type.
       */
      parameters?: {
        [key: string]: components['schemas']['v1JSON'];
      };
    };
    /** ProjectRole represents a role that has access to a project */
    v1alpha1ProjectRole: {
      /** Description is a description of the role */
      description?: string;
      /** Groups are a list of OIDC group claims bound to this role */
      groups?: string[];
      /** JWTTokens are a list of generated JWT tokens bound to this role */
      jwtTokens?: components['schemas']['v1alpha1JWTToken'][];
      /** Name is a name for this role */
      name?: string;
      /** Policies Stores a list of casbin formatted strings that define access policies for the role in the project */
      policies?: string[];
    };
    /** @description PullRequestGenerator defines a generator that scrapes a PullRequest API to find candidate pull requests. */
    v1alpha1PullRequestGenerator: {
      azuredevops?: components['schemas']['v1alpha1PullRequestGeneratorAzureDevOps'];
      bitbucket?: components['schemas']['v1alpha1PullRequestGeneratorBitbucket'];
      bitbucketServer?: components['schemas']['v1alpha1PullRequestGeneratorBitbucketServer'];
      /** @description ContinueOnRepoNotFoundError is a flag to continue the ApplicationSet Pull Request generator parameters generation even if the repository is not found. */
      continueOnRepoNotFoundError?: boolean;
      /** @description Filters for which pull requests should be considered. */
      filters?: components['schemas']['v1alpha1PullRequestGeneratorFilter'][];
      gitea?: components['schemas']['v1alpha1PullRequestGeneratorGitea'];
      github?: components['schemas']['v1alpha1PullRequestGeneratorGithub'];
      gitlab?: components['schemas']['v1alpha1PullRequestGeneratorGitLab'];
      /**
       * Format: int64
       * @description Standard parameters.
       */
      requeueAfterSeconds?: number;
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      /** Values contains key/value pairs which are passed directly as parameters to the template */
      values?: {
        [key: string]: string;
      };
    };
    /** @description PullRequestGeneratorAzureDevOps defines connection info specific to AzureDevOps. */
    v1alpha1PullRequestGeneratorAzureDevOps: {
      /** @description The Azure DevOps API URL to talk to. If blank, use https://dev.azure.com/. */
      api?: string;
      /** Labels is used to filter the PRs that you want to target */
      labels?: string[];
      /** @description Azure DevOps org to scan. Required. */
      organization?: string;
      /** @description Azure DevOps project name to scan. Required. */
      project?: string;
      /** @description Azure DevOps repo name to scan. Required. */
      repo?: string;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** @description PullRequestGeneratorBitbucket defines connection info specific to Bitbucket. */
    v1alpha1PullRequestGeneratorBitbucket: {
      /** @description The Bitbucket REST API URL to talk to. If blank, uses https://api.bitbucket.org/2.0. */
      api?: string;
      basicAuth?: components['schemas']['v1alpha1BasicAuthBitbucketServer'];
      bearerToken?: components['schemas']['v1alpha1BearerTokenBitbucketCloud'];
      /** @description Workspace to scan. Required. */
      owner?: string;
      /** @description Repo name to scan. Required. */
      repo?: string;
    };
    /** @description PullRequestGeneratorBitbucketServer defines connection info specific to BitbucketServer. */
    v1alpha1PullRequestGeneratorBitbucketServer: {
      /** @description The Bitbucket REST API URL to talk to e.g. https://bitbucket.org/rest Required. */
      api?: string;
      basicAuth?: components['schemas']['v1alpha1BasicAuthBitbucketServer'];
      bearerToken?: components['schemas']['v1alpha1BearerTokenBitbucket'];
      caRef?: components['schemas']['v1alpha1ConfigMapKeyRef'];
      /** Allow self-signed TLS / Certificates; default: false */
      insecure?: boolean;
      /** @description Project to scan. Required. */
      project?: string;
      /** @description Repo name to scan. Required. */
      repo?: string;
    };
    /**
     * @description PullRequestGeneratorFilter is a single pull request filter.
     *     If multiple filter types are set on a single struct, they will be AND'd together. All filters must
     *     pass for a pull request to be included.
     */
    v1alpha1PullRequestGeneratorFilter: {
      branchMatch?: string;
      targetBranchMatch?: string;
      titleMatch?: string;
    };
    /** @description PullRequestGeneratorGitea defines connection info specific to Gitea. */
    v1alpha1PullRequestGeneratorGitea: {
      /** The Gitea API URL to talk to. Required */
      api?: string;
      /** @description Allow insecure tls, for self-signed certificates; default: false. */
      insecure?: boolean;
      /** Labels is used to filter the PRs that you want to target */
      labels?: string[];
      /** @description Gitea org or user to scan. Required. */
      owner?: string;
      /** @description Gitea repo name to scan. Required. */
      repo?: string;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** @description PullRequestGeneratorGithub defines connection info specific to GitHub. */
    v1alpha1PullRequestGeneratorGithub: {
      /** @description The GitHub API URL to talk to. If blank, use https://api.github.com/. */
      api?: string;
      /** @description AppSecretName is a reference to a GitHub App repo-creds secret with permission to access pull requests. */
      appSecretName?: string;
      /** Labels is used to filter the PRs that you want to target */
      labels?: string[];
      /** @description GitHub org or user to scan. Required. */
      owner?: string;
      /** @description GitHub repo name to scan. Required. */
      repo?: string;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** @description PullRequestGeneratorGitLab defines connection info specific to GitLab. */
    v1alpha1PullRequestGeneratorGitLab: {
      /** @description The GitLab API URL to talk to. If blank, uses https://gitlab.com/. */
      api?: string;
      caRef?: components['schemas']['v1alpha1ConfigMapKeyRef'];
      /** Skips validating the SCM provider's TLS certificate - useful for self-signed certificates.; default: false */
      insecure?: boolean;
      /** Labels is used to filter the MRs that you want to target */
      labels?: string[];
      /** @description GitLab project to scan. Required. */
      project?: string;
      /**
       * @description PullRequestState is an additional MRs filter to get only those with a certain state. Default: "" (all states).
       *     Valid values: opened, closed, merged, locked".
       */
      pullRequestState?: string;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** RepoCreds holds the definition for repository credentials */
    v1alpha1RepoCreds: {
      /** AzureActiveDirectoryEndpoint specifies the Azure Active Directory endpoint used for Service Principal authentication. If empty will default to https://login.microsoftonline.com */
      azureActiveDirectoryEndpoint?: string;
      /** AzureServicePrincipalClientId specifies the client ID of the Azure Service Principal used to access the repo */
      azureServicePrincipalClientId?: string;
      /** AzureServicePrincipalClientSecret specifies the client secret of the Azure Service Principal used to access the repo */
      azureServicePrincipalClientSecret?: string;
      /** AzureServicePrincipalTenantId specifies the tenant ID of the Azure Service Principal used to access the repo */
      azureServicePrincipalTenantId?: string;
      /** BearerToken contains the bearer token used for Git BitBucket Data Center auth at the repo server */
      bearerToken?: string;
      /** EnableOCI specifies whether helm-oci support should be enabled for this repo */
      enableOCI?: boolean;
      /** ForceHttpBasicAuth specifies whether Argo CD should attempt to force basic auth for HTTP connections */
      forceHttpBasicAuth?: boolean;
      /** GCPServiceAccountKey specifies the service account key in JSON format to be used for getting credentials to Google Cloud Source repos */
      gcpServiceAccountKey?: string;
      /** GithubAppEnterpriseBaseURL specifies the GitHub API URL for GitHub app authentication. If empty will default to https://api.github.com */
      githubAppEnterpriseBaseUrl?: string;
      /**
       * GithubAppId specifies the Github App ID of the app used to access the repo for GitHub app authentication
       * Format: int64
       */
      githubAppID?: number;
      /**
       * GithubAppInstallationId specifies the ID of the installed GitHub App for GitHub app authentication
       * Format: int64
       */
      githubAppInstallationID?: number;
      /** GithubAppPrivateKey specifies the private key PEM data for authentication via GitHub app */
      githubAppPrivateKey?: string;
      /** @description InsecureOCIForceHttp specifies whether the connection to the repository uses TLS at _all_. If true, no TLS. This flag is applicable for OCI repos only. */
      insecureOCIForceHttp?: boolean;
      /** NoProxy specifies a list of targets where the proxy isn't used, applies only in cases where the proxy is applied */
      noProxy?: string;
      /** Password for authenticating at the repo server */
      password?: string;
      /** Proxy specifies the HTTP/HTTPS proxy used to access repos at the repo server */
      proxy?: string;
      /** SSHPrivateKey contains the private key data for authenticating at the repo server using SSH (only Git repos) */
      sshPrivateKey?: string;
      /** TLSClientCertData specifies the TLS client cert data for authenticating at the repo server */
      tlsClientCertData?: string;
      /** TLSClientCertKey specifies the TLS client cert key for authenticating at the repo server */
      tlsClientCertKey?: string;
      /** @description Type specifies the type of the repoCreds. Can be either "git", "helm" or "oci". "git" is assumed if empty or absent. */
      type?: string;
      /** URL is the URL to which these credentials match */
      url?: string;
      /** UseAzureWorkloadIdentity specifies whether to use Azure Workload Identity for authentication */
      useAzureWorkloadIdentity?: boolean;
      /** Username for authenticating at the repo server */
      username?: string;
    };
    /** @description RepositoryList is a collection of Repositories. */
    v1alpha1RepoCredsList: {
      items?: components['schemas']['v1alpha1RepoCreds'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /** Repository is a repository holding application configurations */
    v1alpha1Repository: {
      /** AzureActiveDirectoryEndpoint specifies the Azure Active Directory endpoint used for Service Principal authentication. If empty will default to https://login.microsoftonline.com */
      azureActiveDirectoryEndpoint?: string;
      /** AzureServicePrincipalClientId specifies the client ID of the Azure Service Principal used to access the repo */
      azureServicePrincipalClientId?: string;
      /** AzureServicePrincipalClientSecret specifies the client secret of the Azure Service Principal used to access the repo */
      azureServicePrincipalClientSecret?: string;
      /** AzureServicePrincipalTenantId specifies the tenant ID of the Azure Service Principal used to access the repo */
      azureServicePrincipalTenantId?: string;
      /** BearerToken contains the bearer token used for Git BitBucket Data Center auth at the repo server */
      bearerToken?: string;
      connectionState?: components['schemas']['v1alpha1ConnectionState'];
      /**
       * Format: int64
       * @description Depth specifies the depth for shallow clones. A value of 0 or omitting the field indicates a full clone.
       */
      depth?: number;
      /** @description EnableLFS specifies whether git-lfs support should be enabled for this repo. Only valid for Git repositories. */
      enableLfs?: boolean;
      /** EnableOCI specifies whether helm-oci support should be enabled for this repo */
      enableOCI?: boolean;
      /** ForceHttpBasicAuth specifies whether Argo CD should attempt to force basic auth for HTTP connections */
      forceHttpBasicAuth?: boolean;
      /** GCPServiceAccountKey specifies the service account key in JSON format to be used for getting credentials to Google Cloud Source repos */
      gcpServiceAccountKey?: string;
      /** GithubAppEnterpriseBaseURL specifies the base URL of GitHub Enterprise installation. If empty will default to https://api.github.com */
      githubAppEnterpriseBaseUrl?: string;
      /**
       * GithubAppId specifies the ID of the GitHub app used to access the repo
       * Format: int64
       */
      githubAppID?: number;
      /**
       * GithubAppInstallationId specifies the installation ID of the GitHub App used to access the repo
       * Format: int64
       */
      githubAppInstallationID?: number;
      /** Github App Private Key PEM data */
      githubAppPrivateKey?: string;
      /** Whether credentials were inherited from a credential set */
      inheritedCreds?: boolean;
      /** Insecure specifies whether the connection to the repository ignores any errors when verifying TLS certificates or SSH host keys */
      insecure?: boolean;
      /**
       * InsecureIgnoreHostKey should not be used anymore, Insecure is favoured
       *     Used only for Git repos
       */
      insecureIgnoreHostKey?: boolean;
      /** @description InsecureOCIForceHttp specifies whether the connection to the repository uses TLS at _all_. If true, no TLS. This flag is applicable for OCI repos only. */
      insecureOCIForceHttp?: boolean;
      /** Name specifies a name to be used for this repo. Only used with Helm repos */
      name?: string;
      /** NoProxy specifies a list of targets where the proxy isn't used, applies only in cases where the proxy is applied */
      noProxy?: string;
      /** Password contains the password or PAT used for authenticating at the remote repository */
      password?: string;
      /** Reference between project and repository that allows it to be automatically added as an item inside SourceRepos project entity */
      project?: string;
      /** Proxy specifies the HTTP/HTTPS proxy used to access the repo */
      proxy?: string;
      /** Repo contains the URL to the remote repository */
      repo?: string;
      /** @description SSHPrivateKey contains the PEM data for authenticating at the repo server. Only used with Git repos. */
      sshPrivateKey?: string;
      /** TLSClientCertData contains a certificate in PEM format for authenticating at the repo server */
      tlsClientCertData?: string;
      /** TLSClientCertKey contains a private key in PEM format for authenticating at the repo server */
      tlsClientCertKey?: string;
      /** @description Type specifies the type of the repo. Can be either "git" or "helm. "git" is assumed if empty or absent. */
      type?: string;
      /** UseAzureWorkloadIdentity specifies whether to use Azure Workload Identity for authentication */
      useAzureWorkloadIdentity?: boolean;
      /** Username contains the user name used for authenticating at the remote repository */
      username?: string;
      /**
       * @description WebhookManifestCacheWarmDisabled disables manifest cache warming during webhook processing for this repository.
       *     When set, webhook handlers will only trigger reconciliation for affected applications and skip Redis cache
       *     operations for unaffected ones. Recommended for large monorepos with plain YAML manifests.
       */
      webhookManifestCacheWarmDisabled?: boolean;
    };
    /** A RepositoryCertificate is either SSH known hosts entry or TLS certificate */
    v1alpha1RepositoryCertificate: {
      /**
       * CertData contains the actual certificate data, dependent on the certificate type
       * Format: byte
       */
      certData?: string;
      /** CertInfo will hold additional certificate info, depdendent on the certificate type (e.g. SSH fingerprint, X509 CommonName) */
      certInfo?: string;
      /** CertSubType specifies the sub type of the cert, i.e. "ssh-rsa" */
      certSubType?: string;
      /** CertType specifies the type of the certificate - currently one of "https" or "ssh" */
      certType?: string;
      /** ServerName specifies the DNS name of the server this certificate is intended for */
      serverName?: string;
    };
    /** RepositoryCertificateList is a collection of RepositoryCertificates */
    v1alpha1RepositoryCertificateList: {
      /** List of certificates to be processed */
      items?: components['schemas']['v1alpha1RepositoryCertificate'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /** @description RepositoryList is a collection of Repositories. */
    v1alpha1RepositoryList: {
      items?: components['schemas']['v1alpha1Repository'][];
      metadata?: components['schemas']['v1ListMeta'];
    };
    /**
     * @description ResourceAction represents an individual action that can be performed on a resource.
     *     It includes parameters, an optional disabled flag, an icon for display, and a name for the action.
     */
    v1alpha1ResourceAction: {
      /** @description Disabled indicates whether the action is disabled. */
      disabled?: boolean;
      /** @description DisplayName provides a user-friendly name for the action. */
      displayName?: string;
      /** @description IconClass specifies the CSS class for the action's icon. */
      iconClass?: string;
      /** @description Name is the name or identifier for the action. */
      name?: string;
      /** @description Params contains the parameters required to execute the action. */
      params?: components['schemas']['v1alpha1ResourceActionParam'][];
    };
    /**
     * @description ResourceActionParam represents a parameter for a resource action.
     *     It includes a name, value, type, and an optional default value for the parameter.
     */
    v1alpha1ResourceActionParam: {
      /** @description Name is the name of the parameter. */
      name?: string;
    };
    /**
     * @description ResourceDiff holds the diff between a live and target resource object in Argo CD.
     *     It is used to compare the desired state (from Git/Helm) with the actual state in the cluster.
     */
    v1alpha1ResourceDiff: {
      /**
       * @description Diff contains the JSON patch representing the difference between the live and target resource.
       *
       *     Deprecated: Use NormalizedLiveState and PredictedLiveState instead to compute differences.
       */
      diff?: string;
      /** @description Group represents the API group of the resource (e.g., "apps" for Deployments). */
      group?: string;
      /** @description Hook indicates whether this resource is a hook resource (e.g., pre-sync or post-sync hooks). */
      hook?: boolean;
      /** @description Kind represents the Kubernetes resource kind (e.g., "Deployment", "Service"). */
      kind?: string;
      /** @description LiveState contains the JSON-serialized resource manifest of the resource currently running in the cluster. */
      liveState?: string;
      /** @description Modified indicates whether the live resource has changes compared to the target resource. */
      modified?: boolean;
      /** @description Name is the name of the resource. */
      name?: string;
      /** @description Namespace specifies the namespace where the resource exists. */
      namespace?: string;
      /**
       * @description NormalizedLiveState contains the JSON-serialized live resource state after applying normalizations.
       *     Normalizations may include ignoring irrelevant fields like timestamps or defaults applied by Kubernetes.
       */
      normalizedLiveState?: string;
      /**
       * @description PredictedLiveState contains the JSON-serialized resource state that Argo CD predicts based on the
       *     combination of the normalized live state and the desired target state.
       */
      predictedLiveState?: string;
      /** @description ResourceVersion is the Kubernetes resource version, which helps in tracking changes. */
      resourceVersion?: string;
      /** @description TargetState contains the JSON-serialized resource manifest as defined in the Git/Helm repository. */
      targetState?: string;
    };
    /** @description ResourceIgnoreDifferences contains resource filter and list of json paths which should be ignored during comparison with live state. */
    v1alpha1ResourceIgnoreDifferences: {
      group?: string;
      jqPathExpressions?: string[];
      jsonPointers?: string[];
      kind?: string;
      /**
       * ManagedFieldsManagers is a list of trusted managers. Fields mutated by those managers will take precedence over the
       *     desired state defined in the SCM and won't be displayed in diffs
       */
      managedFieldsManagers?: string[];
      name?: string;
      namespace?: string;
    };
    /** @description ResourceNetworkingInfo holds networking-related information for a resource. */
    v1alpha1ResourceNetworkingInfo: {
      /**
       * @description ExternalURLs holds a list of URLs that should be accessible externally.
       *     This field is typically populated for Ingress resources based on their hostname rules.
       */
      externalURLs?: string[];
      /** @description Ingress provides information about external access points (e.g., load balancer ingress) for this resource. */
      ingress?: components['schemas']['v1LoadBalancerIngress'][];
      /** @description Labels holds the labels associated with this networking resource. */
      labels?: {
        [key: string]: string;
      };
      /** @description TargetLabels represents labels associated with the target resources that this resource communicates with. */
      targetLabels?: {
        [key: string]: string;
      };
      /** @description TargetRefs contains references to other resources that this resource interacts with, such as Services or Pods. */
      targetRefs?: components['schemas']['v1alpha1ResourceRef'][];
    };
    /** @description ResourceNode contains information about a live Kubernetes resource and its relationships with other resources. */
    v1alpha1ResourceNode: {
      createdAt?: components['schemas']['v1Time'];
      health?: components['schemas']['v1alpha1HealthStatus'];
      /**
       * @description Images lists container images associated with the resource.
       *     This is primarily useful for pods and other workload resources.
       */
      images?: string[];
      /** @description Info provides additional metadata or annotations about the resource. */
      info?: components['schemas']['v1alpha1InfoItem'][];
      networkingInfo?: components['schemas']['v1alpha1ResourceNetworkingInfo'];
      /**
       * @description ParentRefs lists the parent resources that reference this resource.
       *     This helps in understanding ownership and hierarchical relationships.
       */
      parentRefs?: components['schemas']['v1alpha1ResourceRef'][];
      /** @description ResourceVersion indicates the version of the resource, used to track changes. */
      resourceVersion?: string;
    } & components['schemas']['v1alpha1ResourceRef'];
    /** ResourceOverride holds configuration to customize resource diffing and health assessment */
    v1alpha1ResourceOverride: {
      /** @description Actions defines the set of actions that can be performed on the resource, as a Lua script. */
      actions?: string;
      /** @description HealthLua contains a Lua script that defines custom health checks for the resource. */
      healthLua?: string;
      ignoreDifferences?: components['schemas']['v1alpha1OverrideIgnoreDiff'];
      ignoreResourceUpdates?: components['schemas']['v1alpha1OverrideIgnoreDiff'];
      /** @description KnownTypeFields lists fields for which unit conversions should be applied. */
      knownTypeFields?: components['schemas']['v1alpha1KnownTypeField'][];
      /** @description UseOpenLibs indicates whether to use open-source libraries for the resource. */
      useOpenLibs?: boolean;
    };
    /** ResourceRef includes fields which uniquely identify a resource */
    v1alpha1ResourceRef: {
      group?: string;
      kind?: string;
      name?: string;
      namespace?: string;
      uid?: string;
      version?: string;
    };
    /** ResourceResult holds the operation result details of a specific resource */
    v1alpha1ResourceResult: {
      /** Group specifies the API group of the resource */
      group?: string;
      /**
       * @description HookPhase contains the state of any operation associated with this resource OR hook
       *     This can also contain values for non-hook resources.
       */
      hookPhase?: string;
      /** HookType specifies the type of the hook. Empty for non-hook resources */
      hookType?: string;
      /** Images contains the images related to the ResourceResult */
      images?: string[];
      /** Kind specifies the API kind of the resource */
      kind?: string;
      /** Message contains an informational or error message for the last sync OR operation */
      message?: string;
      /** Name specifies the name of the resource */
      name?: string;
      /** Namespace specifies the target namespace of the resource */
      namespace?: string;
      /** Status holds the final result of the sync. Will be empty if the resources is yet to be applied/pruned and is always zero-value for hooks */
      status?: string;
      /** SyncPhase indicates the particular phase of the sync that this result was acquired in */
      syncPhase?: string;
      /** Version specifies the API version of the resource */
      version?: string;
    };
    /** RetryStrategy contains information about the strategy to apply when a sync failed */
    v1alpha1RetryStrategy: {
      backoff?: components['schemas']['v1alpha1Backoff'];
      /**
       * Format: int64
       * @description Limit is the maximum number of attempts for retrying a failed sync. If set to 0, no retries will be performed.
       */
      limit?: number;
      /** Refresh indicates if the latest revision should be used on retry instead of the initial one (default: false) */
      refresh?: boolean;
    };
    /** RevisionHistory contains history information about a previous sync */
    v1alpha1RevisionHistory: {
      deployedAt?: components['schemas']['v1Time'];
      deployStartedAt?: components['schemas']['v1Time'];
      /**
       * ID is an auto incrementing identifier of the RevisionHistory
       * Format: int64
       */
      id?: number;
      initiatedBy?: components['schemas']['v1alpha1OperationInitiator'];
      /** Revision holds the revision the sync was performed against */
      revision?: string;
      /** Revisions holds the revision of each source in sources field the sync was performed against */
      revisions?: string[];
      source?: components['schemas']['v1alpha1ApplicationSource'];
      /** Sources is a reference to the application sources used for the sync operation */
      sources?: components['schemas']['v1alpha1ApplicationSource'][];
    };
    /**
     * @description RevisionMetadata contains metadata for a specific revision in a Git repository. This field is used by the
     *     Source Hydrator feature which may be removed in the future.
     */
    v1alpha1RevisionMetadata: {
      /**
       * who authored this revision,
       *     typically their name and email, e.g. "John Doe <john_doe@my-company.com>",
       *     but might not match this example
       */
      author?: string;
      date?: components['schemas']['v1Time'];
      /** @description Message contains the message associated with the revision, most likely the commit message. */
      message?: string;
      /** @description References contains references to information that's related to this commit in some way. */
      references?: components['schemas']['v1alpha1RevisionReference'][];
      /**
       * @description SignatureInfo contains a hint on the signer if the revision was signed with GPG, and signature verification is enabled.
       *
       *     Deprecated: Use SourceIntegrityResult for more detailed information. SignatureInfo will be removed with the next major version.
       */
      signatureInfo?: string;
      sourceIntegrityResult?: components['schemas']['v1alpha1SourceIntegrityCheckResult'];
      /**
       * Tags specifies any tags currently attached to the revision
       *     Floating tags can move from one revision to another
       */
      tags?: string[];
    };
    /**
     * @description RevisionReference contains a reference to a some information that is related in some way to another commit. For now,
     *     it supports only references to a commit. In the future, it may support other types of references.
     */
    v1alpha1RevisionReference: {
      commit?: components['schemas']['v1alpha1CommitMetadata'];
    };
    /** @description SCMProviderGenerator defines a generator that scrapes a SCMaaS API to find candidate repos. */
    v1alpha1SCMProviderGenerator: {
      awsCodeCommit?: components['schemas']['v1alpha1SCMProviderGeneratorAWSCodeCommit'];
      azureDevOps?: components['schemas']['v1alpha1SCMProviderGeneratorAzureDevOps'];
      bitbucket?: components['schemas']['v1alpha1SCMProviderGeneratorBitbucket'];
      bitbucketServer?: components['schemas']['v1alpha1SCMProviderGeneratorBitbucketServer'];
      /**
       * @description Which protocol to use for the SCM URL. Default is provider-specific but ssh if possible. Not all providers
       *     necessarily support all protocols.
       */
      cloneProtocol?: string;
      /** @description Filters for which repos should be considered. */
      filters?: components['schemas']['v1alpha1SCMProviderGeneratorFilter'][];
      gitea?: components['schemas']['v1alpha1SCMProviderGeneratorGitea'];
      github?: components['schemas']['v1alpha1SCMProviderGeneratorGithub'];
      gitlab?: components['schemas']['v1alpha1SCMProviderGeneratorGitlab'];
      /**
       * Format: int64
       * @description Standard parameters.
       */
      requeueAfterSeconds?: number;
      template?: components['schemas']['v1alpha1ApplicationSetTemplate'];
      /** Values contains key/value pairs which are passed directly as parameters to the template */
      values?: {
        [key: string]: string;
      };
    };
    /** @description SCMProviderGeneratorAWSCodeCommit defines connection info specific to AWS CodeCommit. */
    v1alpha1SCMProviderGeneratorAWSCodeCommit: {
      /** @description Scan all branches instead of just the default branch. */
      allBranches?: boolean;
      /**
       * @description Region provides the AWS region to discover repos.
       *     if not provided, AppSet controller will infer the current region from environment.
       */
      region?: string;
      /**
       * @description Role provides the AWS IAM role to assume, for cross-account repo discovery
       *     if not provided, AppSet controller will use its pod/node identity to discover.
       */
      role?: string;
      /** TagFilters provides the tag filter(s) for repo discovery */
      tagFilters?: components['schemas']['v1alpha1TagFilter'][];
    };
    /** @description SCMProviderGeneratorAzureDevOps defines connection info specific to Azure DevOps. */
    v1alpha1SCMProviderGeneratorAzureDevOps: {
      accessTokenRef?: components['schemas']['v1alpha1SecretRef'];
      /** @description Scan all branches instead of just the default branch. */
      allBranches?: boolean;
      /** @description The URL to Azure DevOps. If blank, use https://dev.azure.com. */
      api?: string;
      /** @description Azure Devops organization. Required. E.g. "my-organization". */
      organization?: string;
      /** @description Azure Devops team project. Required. E.g. "my-team". */
      teamProject?: string;
    };
    /** @description SCMProviderGeneratorBitbucket defines connection info specific to Bitbucket Cloud (API version 2). */
    v1alpha1SCMProviderGeneratorBitbucket: {
      /** @description Scan all branches instead of just the main branch. */
      allBranches?: boolean;
      appPasswordRef?: components['schemas']['v1alpha1SecretRef'];
      /** @description Bitbucket workspace to scan. Required. */
      owner?: string;
      /** Bitbucket user to use when authenticating.  Should have a "member" role to be able to read all repositories and branches.  Required */
      user?: string;
    };
    /** @description SCMProviderGeneratorBitbucketServer defines connection info specific to Bitbucket Server. */
    v1alpha1SCMProviderGeneratorBitbucketServer: {
      /** @description Scan all branches instead of just the default branch. */
      allBranches?: boolean;
      /** @description The Bitbucket Server REST API URL to talk to. Required. */
      api?: string;
      basicAuth?: components['schemas']['v1alpha1BasicAuthBitbucketServer'];
      bearerToken?: components['schemas']['v1alpha1BearerTokenBitbucket'];
      caRef?: components['schemas']['v1alpha1ConfigMapKeyRef'];
      /** Allow self-signed TLS / Certificates; default: false */
      insecure?: boolean;
      /** @description Project to scan. Required. */
      project?: string;
    };
    /**
     * @description SCMProviderGeneratorFilter is a single repository filter.
     *     If multiple filter types are set on a single struct, they will be AND'd together. All filters must
     *     pass for a repo to be included.
     */
    v1alpha1SCMProviderGeneratorFilter: {
      /** @description A regex which must match the branch name. */
      branchMatch?: string;
      /** @description A regex which must match at least one label. */
      labelMatch?: string;
      /** @description An array of paths, all of which must not exist. */
      pathsDoNotExist?: string[];
      /** @description An array of paths, all of which must exist. */
      pathsExist?: string[];
      /** @description A regex for repo names. */
      repositoryMatch?: string;
    };
    /** @description SCMProviderGeneratorGitea defines a connection info specific to Gitea. */
    v1alpha1SCMProviderGeneratorGitea: {
      /** @description Scan all branches instead of just the default branch. */
      allBranches?: boolean;
      /** @description The Gitea URL to talk to. For example https://gitea.mydomain.com/. */
      api?: string;
      /** @description Exclude repositories that are archived. */
      excludeArchivedRepos?: boolean;
      /** Allow self-signed TLS / Certificates; default: false */
      insecure?: boolean;
      /** @description Gitea organization or user to scan. Required. */
      owner?: string;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** @description SCMProviderGeneratorGithub defines connection info specific to GitHub. */
    v1alpha1SCMProviderGeneratorGithub: {
      /** @description Scan all branches instead of just the default branch. */
      allBranches?: boolean;
      /** @description The GitHub API URL to talk to. If blank, use https://api.github.com/. */
      api?: string;
      /** @description AppSecretName is a reference to a GitHub App repo-creds secret. */
      appSecretName?: string;
      /** @description Exclude repositories that are archived. */
      excludeArchivedRepos?: boolean;
      /** @description GitHub org to scan. Required. */
      organization?: string;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
    };
    /** @description SCMProviderGeneratorGitlab defines connection info specific to Gitlab. */
    v1alpha1SCMProviderGeneratorGitlab: {
      /** @description Scan all branches instead of just the default branch. */
      allBranches?: boolean;
      /** @description The Gitlab API URL to talk to. */
      api?: string;
      caRef?: components['schemas']['v1alpha1ConfigMapKeyRef'];
      /** @description Gitlab group to scan. Required.  You can use either the project id (recommended) or the full namespaced path. */
      group?: string;
      /** @description Include repositories that are archived. */
      includeArchivedRepos?: boolean;
      /** When recursing through subgroups, also include shared Projects (true) or scan only the subgroups under same path (false).  Defaults to "true" */
      includeSharedProjects?: boolean;
      /** Recurse through subgroups (true) or scan only the base group (false).  Defaults to "false" */
      includeSubgroups?: boolean;
      /** Skips validating the SCM provider's TLS certificate - useful for self-signed certificates.; default: false */
      insecure?: boolean;
      tokenRef?: components['schemas']['v1alpha1SecretRef'];
      /** @description Filter repos list based on Gitlab Topic. */
      topic?: string;
    };
    /** @description SecretRef struct for a reference to a secret key. */
    v1alpha1SecretRef: {
      key?: string;
      secretName?: string;
    };
    /**
     * SignatureKey is the specification of a key required to verify commit signatures with
     * @description Deprecated: Use SourceIntegrity instead. SignatureKeys will be removed with the next major version.
     */
    v1alpha1SignatureKey: {
      /** The ID of the key in hexadecimal notation */
      keyID?: string;
    };
    /**
     * @description SourceHydrator specifies a dry "don't repeat yourself" source for manifests, a sync source from which to sync
     *     hydrated manifests, and an optional hydrateTo location to act as a "staging" aread for hydrated manifests.
     */
    v1alpha1SourceHydrator: {
      drySource?: components['schemas']['v1alpha1DrySource'];
      hydrateTo?: components['schemas']['v1alpha1HydrateTo'];
      syncSource?: components['schemas']['v1alpha1SyncSource'];
    };
    /** SourceHydratorStatus contains information about the current state of source hydration */
    v1alpha1SourceHydratorStatus: {
      currentOperation?: components['schemas']['v1alpha1HydrateOperation'];
      /**
       * @description LastComparedDryRevision holds the resolved revision from the most recent dry source comparison.
       *     This is updated on every evaluation, even when hydration is skipped due to no changes.
       */
      lastComparedDryRevision?: string;
      lastSuccessfulOperation?: components['schemas']['v1alpha1SuccessfulHydrateOperation'];
    };
    v1alpha1SourceIntegrity: {
      git?: components['schemas']['v1alpha1SourceIntegrityGit'];
    };
    /**
     * @description SourceIntegrityCheckResult represents a conclusion of the SourceIntegrity evaluation.
     *     Each check performed on a source(es), holds a check item representing all checks performed.
     */
    v1alpha1SourceIntegrityCheckResult: {
      /**
       * @description Checks holds a list of checks performed, with their eventual problems. If a check is not specified here,
       *     it means it was not performed.
       */
      checks?: components['schemas']['v1alpha1SourceIntegrityCheckResultItem'][];
    };
    v1alpha1SourceIntegrityCheckResultItem: {
      /** @description Name of the check that is human-understandable pointing out to the kind of verification performed. */
      name?: string;
      /** @description Problems is a list of messages explaining why the check failed. Empty list means the check has succeeded. */
      problems?: string[];
    };
    v1alpha1SourceIntegrityGit: {
      policies?: components['schemas']['v1alpha1SourceIntegrityGitPolicy'][];
    };
    v1alpha1SourceIntegrityGitPolicy: {
      gpg?: components['schemas']['v1alpha1SourceIntegrityGitPolicyGPG'];
      /** List of repository criteria restricting repositories the policy will apply to */
      repos?: components['schemas']['v1alpha1SourceIntegrityGitPolicyRepo'][];
    };
    /**
     * @description SourceIntegrityGitPolicyGPG verifies that the commit(s) are both correctly signed by a key in the repo-server keyring,
     *     and that they are signed by one of the key listed in Keys.
     *
     *     This policy can be deactivated through the ARGOCD_GPG_ENABLED environment variable.
     *
     *     Note the listing of problematic commits/signatures reported when "strict" mode validation fails may not be complete.
     *     This means that a user that has addressed all problems reported by source integrity check can run into
     *     further problematic signatures on a subsequent attempt. That happens namely when history contains seal commits signed
     *     with gpg keys that are in the keyring, but not listed in Keys.
     */
    v1alpha1SourceIntegrityGitPolicyGPG: {
      /** @description List of key IDs to trust. The keys need to be in the repository server keyring. */
      keys?: string[];
      mode?: string;
    };
    v1alpha1SourceIntegrityGitPolicyRepo: {
      /** @description URL specifier, glob. */
      url?: string;
    };
    /** SuccessfulHydrateOperation contains information about the most recent successful hydrate operation */
    v1alpha1SuccessfulHydrateOperation: {
      /** DrySHA holds the resolved revision (sha) of the dry source as of the most recent reconciliation */
      drySHA?: string;
      /** HydratedSHA holds the resolved revision (sha) of the hydrated source as of the most recent reconciliation */
      hydratedSHA?: string;
      sourceHydrator?: components['schemas']['v1alpha1SourceHydrator'];
    };
    /** @description SyncOperation contains details about a sync operation. */
    v1alpha1SyncOperation: {
      /**
       * SelfHealAttemptsCount contains the number of auto-heal attempts
       * Format: int64
       */
      autoHealAttemptsCount?: number;
      /** DryRun specifies to perform a `kubectl apply --dry-run` without actually performing the sync */
      dryRun?: boolean;
      /** Manifests is an optional field that overrides sync source with a local directory for development */
      manifests?: string[];
      /** Prune specifies to delete resources from the cluster that are no longer tracked in git */
      prune?: boolean;
      /** Resources describes which resources shall be part of the sync */
      resources?: components['schemas']['v1alpha1SyncOperationResource'][];
      /**
       * @description Revision is the revision (Git) or chart version (Helm) which to sync the application to
       *     If omitted, will use the revision specified in app spec.
       */
      revision?: string;
      /**
       * @description Revisions is the list of revision (Git) or chart version (Helm) which to sync each source in sources field for the application to
       *     If omitted, will use the revision specified in app spec.
       */
      revisions?: string[];
      source?: components['schemas']['v1alpha1ApplicationSource'];
      /**
       * Sources overrides the source definition set in the application.
       *     This is typically set in a Rollback operation and is nil during a Sync operation
       */
      sources?: components['schemas']['v1alpha1ApplicationSource'][];
      /** SyncOptions provide per-sync sync-options, e.g. Validate=false */
      syncOptions?: string[];
      syncStrategy?: components['schemas']['v1alpha1SyncStrategy'];
    };
    /** @description SyncOperationResource contains resources to sync. */
    v1alpha1SyncOperationResource: {
      group?: string;
      kind?: string;
      name?: string;
      namespace?: string;
    };
    /** SyncOperationResult represent result of sync operation */
    v1alpha1SyncOperationResult: {
      managedNamespaceMetadata?: components['schemas']['v1alpha1ManagedNamespaceMetadata'];
      /** Resources contains a list of sync result items for each individual resource in a sync operation */
      resources?: components['schemas']['v1alpha1ResourceResult'][];
      /** Revision holds the revision this sync operation was performed to */
      revision?: string;
      /** Revisions holds the revision this sync operation was performed for respective indexed source in sources field */
      revisions?: string[];
      source?: components['schemas']['v1alpha1ApplicationSource'];
      /** Source records the application source information of the sync, used for comparing auto-sync */
      sources?: components['schemas']['v1alpha1ApplicationSource'][];
    };
    /** SyncPolicy controls when a sync will be performed in response to updates in git */
    v1alpha1SyncPolicy: {
      automated?: components['schemas']['v1alpha1SyncPolicyAutomated'];
      managedNamespaceMetadata?: components['schemas']['v1alpha1ManagedNamespaceMetadata'];
      retry?: components['schemas']['v1alpha1RetryStrategy'];
      /** Options allow you to specify whole app sync-options */
      syncOptions?: string[];
    };
    /** SyncPolicyAutomated controls the behavior of an automated sync */
    v1alpha1SyncPolicyAutomated: {
      /** AllowEmpty allows apps have zero live resources (default: false) */
      allowEmpty?: boolean;
      /** Enable allows apps to explicitly control automated sync */
      enabled?: boolean;
      /** Prune specifies whether to delete resources from the cluster that are not found in the sources anymore as part of automated sync (default: false) */
      prune?: boolean;
      /** SelfHeal specifies whether to revert resources back to their desired state upon modification in the cluster (default: false) */
      selfHeal?: boolean;
    };
    /**
     * @description SyncSource specifies a location from which hydrated manifests may be synced. If RepoURL is not set, it is assumed
     *     to be the same as the associated DrySource config in the SourceHydrator.
     */
    v1alpha1SyncSource: {
      /**
       * @description Path is a directory path within the git repository where hydrated manifests should be committed to and synced
       *     from. The Path should never point to the root of the repo. If hydrateTo is set, this is just the path from which
       *     hydrated manifests will be synced.
       *
       *     +kubebuilder:validation:Required
       *     +kubebuilder:validation:MinLength=1
       *     +kubebuilder:validation:Pattern=`^.{2,}|[^./]$`
       */
      path?: string;
      /**
       * @description RepoURL is the URL to the git repository that contains the hydrated manifests. If not set, defaults to
       *     the DrySource.RepoURL.
       */
      repoURL?: string;
      /**
       * @description TargetBranch is the branch from which hydrated manifests will be synced.
       *     If HydrateTo is not set, this is also the branch to which hydrated manifests are committed.
       */
      targetBranch?: string;
    };
    /** SyncStatus contains information about the currently observed live and desired states of an application */
    v1alpha1SyncStatus: {
      comparedTo?: components['schemas']['v1alpha1ComparedTo'];
      /** Revision contains information about the revision the comparison has been performed to */
      revision?: string;
      /** Revisions contains information about the revisions of multiple sources the comparison has been performed to */
      revisions?: string[];
      /** Status is the sync state of the comparison */
      status?: string;
    };
    /** SyncStrategy controls the manner in which a sync is performed */
    v1alpha1SyncStrategy: {
      apply?: components['schemas']['v1alpha1SyncStrategyApply'];
      hook?: components['schemas']['v1alpha1SyncStrategyHook'];
    };
    /** SyncStrategyApply uses `kubectl apply` to perform the apply */
    v1alpha1SyncStrategyApply: {
      /**
       * @description Force indicates whether or not to supply the --force flag to `kubectl apply`.
       *     The --force flag deletes and re-create the resource, when PATCH encounters conflict and has
       *     retried for 5 times.
       */
      force?: boolean;
    };
    /**
     * @description SyncStrategyHook will perform a sync using hooks annotations.
     *     If no hook annotation is specified falls back to `kubectl apply`.
     */
    v1alpha1SyncStrategyHook: {
      force?: boolean;
      syncStrategyApply?: components['schemas']['v1alpha1SyncStrategyApply'];
    };
    /** SyncWindow contains the kind, time, duration and attributes that are used to assign the syncWindows to apps */
    v1alpha1SyncWindow: {
      /** UseAndOperator use AND operator for matching applications, namespaces and clusters instead of the default OR operator */
      andOperator?: boolean;
      /** Applications contains a list of applications that the window will apply to */
      applications?: string[];
      /** Clusters contains a list of clusters that the window will apply to */
      clusters?: string[];
      /** Description of the sync that will be applied to the schedule, can be used to add any information such as a ticket number for example */
      description?: string;
      /** Duration is the amount of time the sync window will be open */
      duration?: string;
      /** Kind defines if the window allows or blocks syncs */
      kind?: string;
      /** ManualSync enables manual syncs when they would otherwise be blocked */
      manualSync?: boolean;
      /** Namespaces contains a list of namespaces that the window will apply to */
      namespaces?: string[];
      /** Schedule is the time the window will begin, specified in cron format */
      schedule?: string;
      /**
       * SyncOverrun allows ongoing syncs to continue in two scenarios:
       *     For deny windows: allows syncs that started before the deny window became active to continue running
       *     For allow windows: allows syncs that started during the allow window to continue after the window ends
       */
      syncOverrun?: boolean;
      /** TimeZone of the sync that will be applied to the schedule */
      timeZone?: string;
    };
    v1alpha1TagFilter: {
      key?: string;
      value?: string;
    };
    /** TLSClientConfig contains settings to enable transport layer security */
    v1alpha1TLSClientConfig: {
      /**
       * CAData holds PEM-encoded bytes (typically read from a root certificates bundle).
       *     CAData takes precedence over CAFile
       * Format: byte
       */
      caData?: string;
      /**
       * CertData holds PEM-encoded bytes (typically read from a client certificate file).
       *     CertData takes precedence over CertFile
       * Format: byte
       */
      certData?: string;
      /** @description Insecure specifies that the server should be accessed without verifying the TLS certificate. For testing only. */
      insecure?: boolean;
      /**
       * KeyData holds PEM-encoded bytes (typically read from a client certificate key file).
       *     KeyData takes precedence over KeyFile
       * Format: byte
       */
      keyData?: string;
      /**
       * @description ServerName is passed to the server for SNI and is used in the client to check server
       *     certificates against. If ServerName is empty, the hostname used to contact the
       *     server is used.
       */
      serverName?: string;
    };
    /**
     * @description FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.
     *
     *     Each key is either a '.' representing the field itself, and will always map to an empty set,
     *     or a string representing a sub-field or item. The string will follow one of these four formats:
     *     'f:<name>', where <name> is the name of a field in a struct, or key in a map
     *     'v:<value>', where <value> is the exact json formatted value of a list item
     *     'i:<index>', where <index> is position of a item in a list
     *     'k:<keys>', where <keys> is a map of  a list item's key fields to their unique values
     *     If a key maps to an empty Fields value, the field that key represents is part of the set.
     *
     *     The exact format is defined in sigs.k8s.io/structured-merge-diff
     *     +k8s:deepcopy-gen=false
     *     +protobuf.options.marshal=false
     *     +protobuf.options.(gogoproto.goproto_stringer)=false
     */
    v1FieldsV1: {
      /**
       * Format: byte
       * @description Raw is the underlying serialization of this object.
       *
       *     Deprecated: Direct access to this field is deprecated. Use GetRawBytes, GetRawString, SetRawBytes, SetRawString, GetRawReader, NewFieldsV1 instead.
       */
      Raw?: string;
    };
    /**
     * GroupKind specifies a Group and a Kind, but does not force a version.  This is useful for identifying
     *     concepts during lookup stages without having partially valid types
     * @description +protobuf.options.(gogoproto.goproto_stringer)=false
     */
    v1GroupKind: {
      group?: string;
      kind?: string;
    };
    /**
     * @description JSON represents any valid JSON value.
     *     These types are supported: bool, int64, float64, string, []interface{}, map[string]interface{} and nil.
     */
    v1JSON: {
      /** Format: byte */
      raw?: string;
    };
    /**
     * A label selector is a label query over a set of resources. The result of matchLabels and
     *     matchExpressions are ANDed. An empty label selector matches all objects. A null
     *     label selector matches no objects.
     *     +structType=atomic
     */
    v1LabelSelector: {
      /**
       * matchExpressions is a list of label selector requirements. The requirements are ANDed.
       *     +optional
       *     +listType=atomic
       */
      matchExpressions?: components['schemas']['v1LabelSelectorRequirement'][];
      /**
       * matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels
       *     map is equivalent to an element of matchExpressions, whose key field is "key", the
       *     operator is "In", and the values array contains only "value". The requirements are ANDed.
       *     +optional
       */
      matchLabels?: {
        [key: string]: string;
      };
    };
    /**
     * @description A label selector requirement is a selector that contains values, a key, and an operator that
     *     relates the key and values.
     */
    v1LabelSelectorRequirement: {
      /** @description key is the label key that the selector applies to. */
      key?: string;
      /**
       * @description operator represents a key's relationship to a set of values.
       *     Valid operators are In, NotIn, Exists and DoesNotExist.
       */
      operator?: string;
      /**
       * values is an array of string values. If the operator is In or NotIn,
       *     the values array must be non-empty. If the operator is Exists or DoesNotExist,
       *     the values array must be empty. This array is replaced during a strategic
       *     merge patch.
       *     +optional
       *     +listType=atomic
       */
      values?: string[];
    };
    /**
     * @description ListMeta describes metadata that synthetic resources must have, including lists and
     *     various status objects. A resource may have only one of {ObjectMeta, ListMeta}.
     */
    v1ListMeta: {
      /**
       * @description continue may be set if the user set a limit on the number of items returned, and indicates that
       *     the server has more data available. The value is opaque and may be used to issue another request
       *     to the endpoint that served this list to retrieve the next set of available objects. Continuing a
       *     consistent list may not be possible if the server configuration has changed or more than a few
       *     minutes have passed. The resourceVersion field returned when using this continue value will be
       *     identical to the value in the first response, unless you have received this token from an error
       *     message.
       */
      continue?: string;
      /**
       * remainingItemCount is the number of subsequent items in the list which are not included in this
       *     list response. If the list request contained label or field selectors, then the number of
       *     remaining items is unknown and the field will be left unset and omitted during serialization.
       *     If the list is complete (either because it is not chunking or because this is the last chunk),
       *     then there are no more remaining items and this field will be left unset and omitted during
       *     serialization.
       *     Servers older than v1.15 do not set this field.
       *     The intended use of the remainingItemCount is *estimating* the size of a collection. Clients
       *     should not rely on the remainingItemCount to be set or to be exact.
       *     +optional
       * Format: int64
       */
      remainingItemCount?: number;
      /**
       * String that identifies the server's internal version of this object that
       *     can be used by clients to determine when objects have changed.
       *     Value must be treated as opaque by clients and passed unmodified back to the server.
       *     Populated by the system.
       *     Read-only.
       *     More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency
       *     +optional
       */
      resourceVersion?: string;
      /**
       * Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.
       *     +optional
       */
      selfLink?: string;
      shardInfo?: components['schemas']['v1ShardInfo'];
    };
    /**
     * @description LoadBalancerIngress represents the status of a load-balancer ingress point:
     *     traffic intended for the service should be sent to an ingress point.
     */
    v1LoadBalancerIngress: {
      /**
       * Hostname is set for load-balancer ingress points that are DNS based
       *     (typically AWS load-balancers)
       *     +optional
       */
      hostname?: string;
      /**
       * IP is set for load-balancer ingress points that are IP based
       *     (typically GCE or OpenStack load-balancers)
       *     +optional
       */
      ip?: string;
      /**
       * IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified.
       *     Setting this to "VIP" indicates that traffic is delivered to the node with
       *     the destination set to the load-balancer's IP and port.
       *     Setting this to "Proxy" indicates that traffic is delivered to the node or pod with
       *     the destination set to the node's IP and node port or the pod's IP and port.
       *     Service implementations may use this information to adjust traffic routing.
       *     +optional
       */
      ipMode?: string;
      /**
       * Ports is a list of records of service ports
       *     If used, every port defined in the service should have an entry in it
       *     +listType=atomic
       *     +optional
       */
      ports?: components['schemas']['v1PortStatus'][];
    };
    /**
     * @description ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource
     *     that the fieldset applies to.
     */
    v1ManagedFieldsEntry: {
      /**
       * @description APIVersion defines the version of this resource that this field set
       *     applies to. The format is "group/version" just like the top-level
       *     APIVersion field. It is necessary to track the version of a field
       *     set because it cannot be automatically converted.
       */
      apiVersion?: string;
      /**
       * FieldsType is the discriminator for the different fields format and version.
       *     There is currently only one possible value: "FieldsV1"
       */
      fieldsType?: string;
      fieldsV1?: components['schemas']['v1FieldsV1'];
      /** @description Manager is an identifier of the workflow managing these fields. */
      manager?: string;
      /**
       * @description Operation is the type of operation which lead to this ManagedFieldsEntry being created.
       *     The only valid values for this field are 'Apply' and 'Update'.
       */
      operation?: string;
      /**
       * @description Subresource is the name of the subresource used to update that object, or
       *     empty string if the object was updated through the main resource. The
       *     value of this field is used to distinguish between managers, even if they
       *     share the same name. For example, a status update will be distinct from a
       *     regular update using the same manager name.
       *     Note that the APIVersion field is not related to the Subresource field and
       *     it always corresponds to the version of the main resource.
       */
      subresource?: string;
      time?: components['schemas']['v1Time'];
    };
    /** @description v1MicroTime (RFC 3339 string or null on the wire) */
    v1MicroTime: null | string;
    /** @description NodeSwapStatus represents swap memory information. */
    v1NodeSwapStatus: {
      /**
       * Total amount of swap memory in bytes.
       *     +optional
       * Format: int64
       */
      capacity?: number;
    };
    /** @description NodeSystemInfo is a set of ids/uuids to uniquely identify the node. */
    v1NodeSystemInfo: {
      /** The Architecture reported by the node */
      architecture?: string;
      /** @description Boot ID reported by the node. */
      bootID?: string;
      /** @description ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2). */
      containerRuntimeVersion?: string;
      /** @description Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64). */
      kernelVersion?: string;
      /** @description Kubelet Version reported by the node. */
      kubeletVersion?: string;
      /** @description Deprecated: KubeProxy Version reported by the node. */
      kubeProxyVersion?: string;
      /**
       * MachineID reported by the node. For unique machine identification
       *     in the cluster this field is preferred. Learn more from man(5)
       *     machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html
       */
      machineID?: string;
      /** The Operating System reported by the node */
      operatingSystem?: string;
      /** @description OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)). */
      osImage?: string;
      swap?: components['schemas']['v1NodeSwapStatus'];
      /**
       * SystemUUID reported by the node. For unique machine identification
       *     MachineID is preferred. This field is specific to Red Hat hosts
       *     https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid
       */
      systemUUID?: string;
    };
    /**
     * @description ObjectMeta is metadata that all persisted resources must have, which includes all objects
     *     users must create.
     */
    v1ObjectMeta: {
      /**
       * Annotations is an unstructured key value map stored with a resource that may be
       *     set by external tools to store and retrieve arbitrary metadata. They are not
       *     queryable and should be preserved when modifying objects.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations
       *     +optional
       */
      annotations?: {
        [key: string]: string;
      };
      creationTimestamp?: components['schemas']['v1Time'];
      /**
       * Number of seconds allowed for this object to gracefully terminate before
       *     it will be removed from the system. Only set when deletionTimestamp is also set.
       *     May only be shortened.
       *     Read-only.
       *     +optional
       * Format: int64
       */
      deletionGracePeriodSeconds?: number;
      deletionTimestamp?: components['schemas']['v1Time'];
      /**
       * Must be empty before the object is deleted from the registry. Each entry
       *     is an identifier for the responsible component that will remove the entry
       *     from the list. If the deletionTimestamp of the object is non-nil, entries
       *     in this list can only be removed.
       *     Finalizers may be processed and removed in any order.  Order is NOT enforced
       *     because it introduces significant risk of stuck finalizers.
       *     finalizers is a shared field, any actor with permission can reorder it.
       *     If the finalizer list is processed in order, then this can lead to a situation
       *     in which the component responsible for the first finalizer in the list is
       *     waiting for a signal (field value, external system, or other) produced by a
       *     component responsible for a finalizer later in the list, resulting in a deadlock.
       *     Without enforced ordering finalizers are free to order amongst themselves and
       *     are not vulnerable to ordering changes in the list.
       *     +optional
       *     +patchStrategy=merge
       *     +listType=set
       */
      finalizers?: string[];
      /**
       * @description GenerateName is an optional prefix, used by the server, to generate a unique
       *     name ONLY IF the Name field has not been provided.
       *     If this field is used, the name returned to the client will be different
       *     than the name passed. This value will also be combined with a unique suffix.
       *     The provided value has the same validation rules as the Name field,
       *     and may be truncated by the length of the suffix required to make the value
       *     unique on the server.
       *
       *     If this field is specified and the generated name exists, the server will return a 409.
       *
       *     Applied only if Name is not specified.
       *     More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#idempotency
       *     +optional
       */
      generateName?: string;
      /**
       * A sequence number representing a specific generation of the desired state.
       *     Populated by the system. Read-only.
       *     +optional
       * Format: int64
       */
      generation?: number;
      /**
       * Map of string keys and values that can be used to organize and categorize
       *     (scope and select) objects. May match selectors of replication controllers
       *     and services.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels
       *     +optional
       */
      labels?: {
        [key: string]: string;
      };
      /**
       * @description ManagedFields maps workflow-id and version to the set of fields
       *     that are managed by that workflow. This is mostly for internal
       *     housekeeping, and users typically shouldn't need to set or
       *     understand this field. A workflow can be the user's name, a
       *     controller's name, or the name of a specific apply path like
       *     "ci-cd". The set of fields is always in the version that the
       *     workflow used when modifying the object.
       *
       *     +optional
       *     +listType=atomic
       */
      managedFields?: components['schemas']['v1ManagedFieldsEntry'][];
      /**
       * Name must be unique within a namespace. Is required when creating resources, although
       *     some resources may allow a client to request the generation of an appropriate name
       *     automatically. Name is primarily intended for creation idempotence and configuration
       *     definition.
       *     Cannot be updated.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names
       *     +optional
       */
      name?: string;
      /**
       * @description Namespace defines the space within which each name must be unique. An empty namespace is
       *     equivalent to the "default" namespace, but "default" is the canonical representation.
       *     Not all objects are required to be scoped to a namespace - the value of this field for
       *     those objects will be empty.
       *
       *     Must be a DNS_LABEL.
       *     Cannot be updated.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces
       *     +optional
       */
      namespace?: string;
      /**
       * List of objects depended by this object. If ALL objects in the list have
       *     been deleted, this object will be garbage collected. If this object is managed by a controller,
       *     then an entry in this list will point to this controller, with the controller field set to true.
       *     There cannot be more than one managing controller.
       *     +optional
       *     +patchMergeKey=uid
       *     +patchStrategy=merge
       *     +listType=map
       *     +listMapKey=uid
       */
      ownerReferences?: components['schemas']['v1OwnerReference'][];
      /**
       * @description An opaque value that represents the internal version of this object that can
       *     be used by clients to determine when objects have changed. May be used for optimistic
       *     concurrency, change detection, and the watch operation on a resource or set of resources.
       *     Clients must treat these values as opaque and passed unmodified back to the server.
       *     They may only be valid for a particular resource or set of resources.
       *
       *     Populated by the system.
       *     Read-only.
       *     Value must be treated as opaque by clients and .
       *     More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency
       *     +optional
       */
      resourceVersion?: string;
      /**
       * Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.
       *     +optional
       */
      selfLink?: string;
      /**
       * @description UID is the unique in time and space value for this object. It is typically generated by
       *     the server on successful creation of a resource and is not allowed to change on PUT
       *     operations.
       *
       *     Populated by the system.
       *     Read-only.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids
       *     +optional
       */
      uid?: string;
    };
    /**
     * OwnerReference contains enough information to let you identify an owning
     *     object. An owning object must be in the same namespace as the dependent, or
     *     be cluster-scoped, so there is no namespace field.
     *     +structType=atomic
     */
    v1OwnerReference: {
      /** @description API version of the referent. */
      apiVersion?: string;
      /**
       * If true, AND if the owner has the "foregroundDeletion" finalizer, then
       *     the owner cannot be deleted from the key-value store until this
       *     reference is removed.
       *     See https://kubernetes.io/docs/concepts/architecture/garbage-collection/#foreground-deletion
       *     for how the garbage collector interacts with this field and enforces the foreground deletion.
       *     Defaults to false.
       *     To set this field, a user needs "delete" permission of the owner,
       *     otherwise 422 (Unprocessable Entity) will be returned.
       *     +optional
       */
      blockOwnerDeletion?: boolean;
      /**
       * If true, this reference points to the managing controller.
       *     +optional
       */
      controller?: boolean;
      /**
       * Kind of the referent.
       *     More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds
       */
      kind?: string;
      /**
       * Name of the referent.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names
       */
      name?: string;
      /**
       * UID of the referent.
       *     More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids
       */
      uid?: string;
    };
    /** PortStatus represents the error condition of a service port */
    v1PortStatus: {
      /**
       * Error is to record the problem with the service port
       *     The format of the error shall comply with the following rules:
       *     - built-in error values shall be specified in this file and those shall use
       *       CamelCase names
       *     - cloud provider specific error values must have names that comply with the
       *       format foo.example.com/CamelCase.
       *     ---
       *     The regex it matches is (dns1123SubdomainFmt/)?(qualifiedNameFmt)
       *     +optional
       *     +kubebuilder:validation:Required
       *     +kubebuilder:validation:Pattern=`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$`
       *     +kubebuilder:validation:MaxLength=316
       */
      error?: string;
      /**
       * Port is the port number of the service port of which status is recorded here
       * Format: int32
       */
      port?: number;
      /**
       * Protocol is the protocol of the service port of which status is recorded here
       *     The supported values are: "TCP", "UDP", "SCTP"
       */
      protocol?: string;
    };
    /**
     * @description ShardInfo describes the shard selector that was applied to produce a list response.
     *     Its presence on a list response indicates the list is a filtered subset.
     */
    v1ShardInfo: {
      /**
       * selector is the shard selector string from the request, echoed back so clients
       *     can verify which shard they received and merge responses from multiple shards.
       *     +required
       */
      selector?: string;
    };
    /** @description v1Time (null when zero, ENDPOINTS.md 6) */
    v1Time: null | string;
    /** VersionMessage represents version of the Argo CD API server */
    versionVersionMessage: {
      BuildDate?: string;
      Compiler?: string;
      ExtraBuildInfo?: string;
      GitCommit?: string;
      GitTag?: string;
      GitTreeState?: string;
      GoVersion?: string;
      HelmVersion?: string;
      JsonnetVersion?: string;
      KubectlVersion?: string;
      KustomizeVersion?: string;
      Platform?: string;
      Version?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
