import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { appCenterPermissions } from '@internal/plugin-app-center-common';
import {
  appCenterImageSecurityExtensionPoint,
  appCenterRegistryExtensionPoint,
  ImageSecurityProvider,
  appCenterTaskKindsExtensionPoint,
  RegistryProvider,
  TaskKind,
} from '@internal/plugin-app-center-node';
import { applyDatabaseMigrations } from './database/migrations';
import { AccessResolver } from './domain/AccessResolver';
import { CallerResolver } from './service/CallerResolver';
import { DatabaseDomainStore } from './domain/DatabaseDomainStore';
import { DomainService } from './domain/DomainService';
import {
  AppProjectCheck,
  warnAboutConfigAppProjects,
} from './domain/appProjectCheck';
import { GroupCatalog } from './domain/GroupCatalog';
import { ArgoCDInstances } from './argocd';
import { EnvironmentAppService } from './environmentApps/EnvironmentAppService';
import { CommitAuthors, createGitRepositoryCache } from './git';
import { EnvironmentAppStore } from './environmentApps/EnvironmentAppStore';
import { TemplateDrift, TemplateService, TemplateStore } from './templates';
import {
  applyConfigTenancy,
  readConfigTenancy,
} from './domain/loadConfigTenants';
import { createTargetLoader } from './permissions/loadTargets';
import {
  appCenterRules,
  appCenterTargetResourceRef,
} from './permissions/rules';
import {
  projectRegistries,
  readRegistryConfig,
  RegistryService,
} from './registry';
import { createDeployEngine, DeployTargets } from './deploy';
import { createRouter } from './service/router';
import { ResourceService } from './resources/ResourceService';
import {
  ImagePolicy,
  ImageSecurityService,
  readImagePolicies,
} from './security';
import {
  readTrivyOperatorClusters,
  TrivyOperatorProvider,
} from './security/trivyOperator';
import { createTaskEngine } from './tasks';

/**
 * App Center's backend plugin: tenants, projects and environments, and (in later parts) GitOps, Argo CD and
 * the deploy task queue, behind one HTTP API at /api/app-center.
 * @public
 */
export const appCenterPlugin = createBackendPlugin({
  pluginId: 'app-center',
  register(env) {
    // Registry providers from backend modules (e.g. Harbor); the OCI distribution API is the fallback.
    const registryProviders: RegistryProvider[] = [];
    env.registerExtensionPoint(appCenterRegistryExtensionPoint, {
      addRegistryProvider(provider) {
        registryProviders.push(provider);
      },
    });
    // Image-security providers from backend modules (and trivy-operator from config, added at init).
    const securityProviders: ImageSecurityProvider[] = [];
    env.registerExtensionPoint(appCenterImageSecurityExtensionPoint, {
      addImageSecurityProvider(provider) {
        securityProviders.push(provider);
      },
    });
    // Task kinds from backend modules, run by the same queue as App Center's own.
    const moduleTaskKinds: TaskKind<any>[] = [];
    env.registerExtensionPoint(appCenterTaskKindsExtensionPoint, {
      addTaskKinds(...kinds) {
        moduleTaskKinds.push(...kinds);
      },
    });
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { logger, config, database, httpRouter, permissionsRegistry } =
          deps;
        // One client per configured Argo CD instance, shared by every part of the plugin.
        const argocd = ArgoCDInstances.fromConfig(config, { logger });
        const argocdInstanceNames = argocd.names();
        const argocdInstances = () => argocdInstanceNames;

        // trivy-operator's reports, when clusters are configured, before the modules' providers.
        const trivyClusters = readTrivyOperatorClusters(config);
        if (trivyClusters.length)
          securityProviders.unshift(new TrivyOperatorProvider(trivyClusters));

        const knex = await database.getClient();
        if (!database.migrations?.skip) await applyDatabaseMigrations(knex);
        const store = new DatabaseDomainStore(knex);
        const configTenancy = readConfigTenancy(config, argocdInstanceNames);
        await applyConfigTenancy(store, configTenancy, logger);
        const appProjects = new AppProjectCheck(argocd);
        // Not awaited: start-up does not wait on Argo CD; problems are logged as warnings (see the function).
        void warnAboutConfigAppProjects(appProjects, configTenancy, logger);

        permissionsRegistry.addResourceType({
          resourceRef: appCenterTargetResourceRef,
          permissions: appCenterPermissions,
          rules: appCenterRules,
          getResources: createTargetLoader(store),
        });

        // Who is asking (per request) and what they may do (the one access resolver every service asks).
        const callers = new CallerResolver(deps);
        const access = new AccessResolver({
          store,
          permissions: deps.permissions,
        });
        const domain = new DomainService(
          store,
          access,
          new GroupCatalog(deps.catalog, deps.auth),
          argocdInstances,
          appProjects,
        );
        const authors = new CommitAuthors({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        // Where deploys and every other task go: tasks need the right to deploy to their environment.
        const targets = new DeployTargets({ access, argocd });
        // The task queue this replica shares with the others; the kinds it runs are added below.
        const taskEngine = createTaskEngine({
          knex,
          config,
          logger,
          lifecycle: deps.lifecycle,
          scheduler: deps.scheduler,
          auditor: deps.auditor,
          signals: deps.signals,
          domainStore: store,
          access,
          authors,
          authorize: (caller, project, environment) =>
            targets.deployable(caller, project, environment),
        });
        // One repository cache for the whole plugin: one working clone per GitOps repository and branch.
        const gitCache = createGitRepositoryCache(config, logger);
        deps.lifecycle.addShutdownHook(() => gitCache.close());
        const templates = new TemplateService({
          store,
          access,
          authors,
          templates: new TemplateStore({ cache: gitCache }),
          drift: new TemplateDrift({ cache: gitCache }),
        });
        // Registry tags for the deploy dialog; the deploy engine asks it whether a tag is publishable.
        const registryConfig = readRegistryConfig(config);
        const registry = new RegistryService({
          config: registryConfig,
          providers: registryProviders,
          logger,
          projectRegistries: projectRegistries({
            listProjects: caller => domain.listProjects(caller),
            listImages: async (caller, project) =>
              (await templates.list(caller, project)).items.flatMap(
                t => t.images,
              ),
            ttlMs: registryConfig.tags.cacheTtlMs,
          }),
        });
        const environmentApps = new EnvironmentAppService({
          store,
          access,
          authors,
          cache: gitCache,
          envApps: new EnvironmentAppStore({ cache: gitCache }),
          argocd,
          catalog: deps.catalog,
          logger,
          lastTasks: (project, environment) =>
            taskEngine.store.latestPerApp(project, environment),
        });
        // The deploy engine: the task kinds deploy, scale, autoscaling, rollback and sync; the registry
        // refuses unpublishable tags, the environments' image policies images with severe findings.
        const deployEngine = createDeployEngine({
          config,
          logger,
          targets,
          git: gitCache,
          tasks: taskEngine.service,
          authors,
          registry,
          imagePolicy: new ImagePolicy({
            rules: readImagePolicies(config),
            providers: securityProviders,
          }),
        });
        taskEngine.kinds.add(...deployEngine.kinds, ...moduleTaskKinds);
        httpRouter.use(
          await createRouter({
            domain,
            access: callers,
            resolver: access,
            auditor: deps.auditor,
            argocdInstances,
            registry,
            templates,
            environmentApps,
            tasks: taskEngine.service,
            deploy: deployEngine.service,
            deployHistory: deployEngine.history,
            resources: new ResourceService({
              targets,
              tasks: taskEngine.service,
            }),
            security: new ImageSecurityService({
              targets,
              providers: securityProviders,
            }),
          }),
        );
      },
    });
  },
});
