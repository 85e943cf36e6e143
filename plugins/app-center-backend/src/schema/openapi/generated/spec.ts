// This file is generated from plugins/app-center-backend/src/schema/openapi.yaml by
// `yarn workspace @internal/plugin-app-center-backend generate:openapi`. Do not edit it by hand.

/* eslint-disable */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'app-center',
    version: '1',
    description:
      "App Center's HTTP API, mounted at /api/app-center. This document is the source of truth: the router and the frontend client use types generated from it (yarn workspace @internal/plugin-app-center-backend generate:openapi). Errors use Backstage's JSON error shape.",
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/tenants': {
      get: {
        operationId: 'listTenants',
        description:
          "Tenants the caller can see (all of them for portal admins, the caller's own otherwise).",
        responses: {
          '200': {
            description: 'Tenants',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Tenant',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createTenant',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TenantInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Tenant',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tenants/{tenant}': {
      parameters: [
        {
          $ref: '#/components/parameters/tenant',
        },
      ],
      get: {
        operationId: 'getTenant',
        responses: {
          '200': {
            description: 'Tenant',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Tenant',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'updateTenant',
        description:
          "Replaces the tenant's title, groups and admin groups (a full replacement, not a partial update): `groups` and `adminGroups` are required (send `[]` to clear one), and a missing title becomes the tenant's name, as on create.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TenantUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Updated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Tenant',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteTenant',
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects': {
      get: {
        operationId: 'listProjects',
        parameters: [
          {
            name: 'tenant',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Projects',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Project',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createProject',
        description:
          "The project's Argo CD AppProject must exist and allow its repository (sourceRepos) and, on update, every environment's destination; otherwise 400 names what to add. 502/504 when Argo CD cannot be asked.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProjectInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
      ],
      get: {
        operationId: 'getProject',
        responses: {
          '200': {
            description: 'Project',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'updateProject',
        description:
          "The project's Argo CD AppProject must exist and allow its repository (sourceRepos) and, on update, every environment's destination; otherwise 400 names what to add. 502/504 when Argo CD cannot be asked.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProjectUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Updated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Project',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteProject',
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
      ],
      get: {
        operationId: 'listEnvironments',
        responses: {
          '200': {
            description: 'Environments',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Environment',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createEnvironment',
        description:
          "The project's Argo CD AppProject must allow the environment's destination (destinations, with globs and `!` deny entries); otherwise 400 names what to add. 502/504 when Argo CD cannot be asked.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EnvironmentInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
      ],
      get: {
        operationId: 'getEnvironment',
        responses: {
          '200': {
            description: 'Environment',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'updateEnvironment',
        description:
          "The project's Argo CD AppProject must allow the environment's destination (destinations, with globs and `!` deny entries); otherwise 400 names what to add. 502/504 when Argo CD cannot be asked.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EnvironmentUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Updated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Environment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteEnvironment',
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/access': {
      get: {
        operationId: 'getAccess',
        description:
          'What the caller may do, so the frontend can hide what the backend would refuse.',
        responses: {
          '200': {
            description: "The caller's App Center roles",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Access',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/config': {
      get: {
        operationId: 'getPortalConfig',
        description:
          'Choices the admin forms need (the configured Argo CD instance names).',
        responses: {
          '200': {
            description: 'Portal configuration',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['argocdInstances'],
                  properties: {
                    argocdInstances: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/deployments': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
      ],
      post: {
        operationId: 'deployApps',
        description:
          "Batch deploy: one commit with the new tags of every app, then each app synced to exactly that commit and watched until healthy, degraded or timed out (a step per app). Refused (400, nothing queued) when an app is not associated, an image is not in the app's manifests (exact repository match), a tag is neither a valid tag nor a digest, the registry marks a tag unpublishable, or the environment's image policy (appCenter.security.policies) refuses a scanned image's findings (the 400 names them).",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeployInput',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/scale': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      post: {
        operationId: 'scaleApp',
        description:
          "Sets the replicas of the app's workload in git (the Rollout, not a Deployment behind its workloadRef), commits and syncs. 409 while a HorizontalPodAutoscaler in the app's manifests targets the workload.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ScaleInput',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/autoscaling': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      put: {
        operationId: 'setAutoscaling',
        description:
          'Writes an autoscaling/v2 HorizontalPodAutoscaler (hpa.yaml next to the workload), commits and syncs.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AutoscalingInput',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'removeAutoscaling',
        description:
          "Deletes the workload's autoscaler file, commits and syncs with prune.",
        parameters: [
          {
            name: 'workload',
            in: 'query',
            required: false,
            description: 'The workload, when the app has several of one kind.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/rollback': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      post: {
        operationId: 'rollbackApp',
        description:
          "Restores the app's folder exactly as it was at a revision of its deploy history (files added since are removed, deleted ones restored), commits, syncs with prune and watches. 400 for a revision not in the history.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RollbackInput',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/sync': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      post: {
        operationId: 'syncApp',
        description:
          'Syncs the whole app (pinned to the branch head when the task starts) or some of its resources.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SyncInput',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/resource/sync': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      post: {
        operationId: 'syncAppResource',
        description: 'Syncs one resource of the app (a partial sync).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SyncResource',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/history': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      get: {
        operationId: 'getDeployHistory',
        description:
          "Argo CD's deploy history, newest first, joined with git (author, message, images at that commit) and the App Center task that made the commit. Paged: pass nextCursor as cursor for the next page.",
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of the history',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeployHistory',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/files': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      get: {
        operationId: 'getEnvironmentAppFiles',
        description:
          "The app's manifest files in this environment and the revision they were read at.",
        responses: {
          '200': {
            description: 'Files',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ManifestFiles',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
      put: {
        operationId: 'writeEnvironmentAppFiles',
        description:
          'Writes and deletes files in one commit authored by the caller (400 with issues at line and column; 409 with both revisions when based on a stale revision). With sync, a sync task pinned to the new commit is queued and returned as `task`.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EnvironmentAppFilesWrite',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Written',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentAppFilesWriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
      ],
      get: {
        operationId: 'listEnvironmentApps',
        description:
          "Platform apps (associated in git, Argo CD Applications App Center manages, or both) and store apps (other Applications in the environment's namespace, e.g. Helm charts). One Argo CD list call per request.",
        responses: {
          '200': {
            description: "The environment's apps",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentAppList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'associateApp',
        description:
          'Copies the template into the environment (envs/<env>/<app>/ with its provenance) and creates the Argo CD Application, without syncing. Refused when the environment already has the app, unless overwrite.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AssociateInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Associated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentApp',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      get: {
        operationId: 'getEnvironmentApp',
        responses: {
          '200': {
            description: 'The app in this environment',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentApp',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'disassociateApp',
        description:
          "Deletes the Argo CD Application (cascade: its resources go too), then removes the app's folder, in that order. When a step fails the answer says which state is left.",
        responses: {
          '204': {
            description: 'Disassociated',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/recreate': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      post: {
        operationId: 'recreateApplication',
        description:
          "Recreates the app's missing Argo CD Application from what git holds, without touching the files (no sync): the way out of \"no-application\" that keeps the environment's edits. 404 when git has no such app, 409 when the Application exists. The environment's deployers only.",
        responses: {
          '201': {
            description: 'Recreated',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnvironmentApp',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/entity-apps': {
      get: {
        operationId: 'getEntityApps',
        description:
          "What a catalog Component's Deployments tab shows, in one request: the app named by its app-center.io/app annotation in every environment of its project.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: "The app across the project's environments",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityApps',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/image-security': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      get: {
        operationId: 'getImageSecurity',
        description:
          'Per image the app runs: counts of critical, high, medium, low and unknown findings, how many have a fix, the top findings and a link to the provider. With no provider configured, `configured` is false and `message` says how to configure one. Readers of the project may ask.',
        responses: {
          '200': {
            description: 'The findings per running image',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImageSecurity',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/images/tags': {
      get: {
        operationId: 'listImageTags',
        description:
          "The tags of the image's repository, from a registry provider (e.g. Harbor, through the app-center-node extension point) or the registry's OCI distribution API, newest first. The OCI API has no times in its tag list: the first page's newest-looking tags (by name) get their creation time from the registry and lead the listing in creation order; `order` says how the listing was ordered. Tags a provider marks unpublishable say so (publishable false, reason). Any signed-in user may ask; the portal may limit the registries (appCenter.registryTags.onlyConfiguredRegistries). Tag lists are cached briefly (appCenter.registryTags.cacheSeconds).",
        parameters: [
          {
            name: 'image',
            in: 'query',
            required: true,
            description:
              'An image reference, e.g. registry.example.com/team/web:1.2 (its tag and digest are ignored).',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 512,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'Tags per page (default 50).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            description:
              'The nextCursor of the previous page (with the same image and q).',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            description:
              'Keep the tags containing this text (case-insensitive).',
            schema: {
              type: 'string',
              maxLength: 128,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of tags, newest first',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImageTagList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/resource-tree': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      get: {
        operationId: 'getResourceTree',
        description:
          "The app's live resources as a tree rooted at its Argo CD Application: each node nested under its owner (parentRefs), with kind, name, namespace, health, sync status (managed resources), images (Pods) and orphaned resources marked.",
        responses: {
          '200': {
            description: 'The tree',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ResourceTree',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/resource-tree/stream': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
      ],
      get: {
        operationId: 'streamResourceTree',
        description:
          "The same tree as server-sent events: a `tree` event (a ResourceTree) each time Argo CD's tree changes, comments as heartbeats, and an `error` event (`{ message }`) when the upstream stream fails. A client that reconnects gets the whole current tree first, so nothing is lost.",
        responses: {
          '200': {
            description: 'text/event-stream of `tree` events',
            content: {
              'text/event-stream': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/resource': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
        {
          $ref: '#/components/parameters/resourceGroup',
        },
        {
          $ref: '#/components/parameters/resourceVersion',
        },
        {
          $ref: '#/components/parameters/resourceKind',
        },
        {
          $ref: '#/components/parameters/resourceNamespace',
        },
        {
          $ref: '#/components/parameters/resourceName',
        },
      ],
      get: {
        operationId: 'getResource',
        description:
          "The live manifest of one resource of the app's tree (Secret values masked by Argo CD).",
        responses: {
          '200': {
            description: 'The live manifest',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LiveResource',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteResource',
        description:
          'Deletes one live resource of the app, as a task (Argo CD re-creates it at the next sync, or at once under self-heal; a Deployment re-creates a deleted Pod). Protected environments need a deployer group.',
        parameters: [
          {
            name: 'cascade',
            in: 'query',
            required: false,
            description:
              'foreground (default: dependents first), background, or orphan (dependents stay).',
            schema: {
              type: 'string',
              enum: ['foreground', 'background', 'orphan'],
            },
          },
        ],
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/resource/diff': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
        {
          $ref: '#/components/parameters/resourceGroup',
        },
        {
          $ref: '#/components/parameters/resourceKind',
        },
        {
          $ref: '#/components/parameters/resourceNamespace',
        },
        {
          $ref: '#/components/parameters/resourceName',
        },
      ],
      get: {
        operationId: 'getResourceDiff',
        description:
          "The desired state (from git) against the normalised live state of one managed resource, as YAML, and their unified diff, as Argo CD's UI computes it from managed-resources. The diff is empty when in sync.",
        responses: {
          '200': {
            description: 'Live, desired and their diff',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ResourceDiff',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/resource/events': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
        {
          name: 'namespace',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            maxLength: 253,
          },
        },
        {
          name: 'name',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            maxLength: 253,
          },
        },
        {
          name: 'uid',
          in: 'query',
          required: false,
          description:
            "The resource's UID from the tree; with namespace and name, the events of that resource.",
          schema: {
            type: 'string',
            maxLength: 64,
          },
        },
      ],
      get: {
        operationId: 'listResourceEvents',
        description:
          'Kubernetes events of one resource (namespace, name and uid together), or of the Application itself without them; newest first.',
        responses: {
          '200': {
            description: 'Events',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ResourceEvent',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/environments/{env}/apps/{app}/logs': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/env',
        },
        {
          $ref: '#/components/parameters/app',
        },
        {
          name: 'pod',
          in: 'query',
          required: false,
          description:
            "One pod's name; or give kind and name of a workload to merge all of its pods.",
          schema: {
            type: 'string',
            maxLength: 253,
          },
        },
        {
          $ref: '#/components/parameters/resourceGroup',
        },
        {
          name: 'kind',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            maxLength: 63,
          },
        },
        {
          name: 'name',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            maxLength: 253,
          },
        },
        {
          name: 'container',
          in: 'query',
          required: false,
          schema: {
            type: 'string',
            maxLength: 63,
          },
        },
        {
          name: 'follow',
          in: 'query',
          required: false,
          schema: {
            type: 'boolean',
          },
        },
        {
          name: 'tailLines',
          in: 'query',
          required: false,
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: 100000,
          },
        },
        {
          name: 'sinceSeconds',
          in: 'query',
          required: false,
          schema: {
            type: 'integer',
            minimum: 1,
          },
        },
        {
          name: 'previous',
          in: 'query',
          required: false,
          description: 'The logs of the previous container (after a restart).',
          schema: {
            type: 'boolean',
          },
        },
        {
          name: 'filter',
          in: 'query',
          required: false,
          description:
            'Keep lines containing this text; a leading ! keeps the others.',
          schema: {
            type: 'string',
            maxLength: 256,
          },
        },
        {
          name: 'download',
          in: 'query',
          required: false,
          description:
            'Answer the lines as a text file (attachment) rather than events; never follows.',
          schema: {
            type: 'boolean',
          },
        },
      ],
      get: {
        operationId: 'streamLogs',
        description:
          "Pod logs as server-sent events: `line` events (`{ pod, timestamp, content }`, the event id is the line's timestamp, so a reconnect with Last-Event-ID repeats no line), comments as heartbeats, an `error` event (`{ message }`) when the upstream stream fails and an `end` event when it ends. Too many matching pods, or a container the pod does not have, is a 400 before the stream starts.",
        responses: {
          '200': {
            description:
              'text/event-stream of `line` events, or text/plain with download',
            content: {
              'text/event-stream': {
                schema: {
                  type: 'string',
                },
              },
              'text/plain': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tasks': {
      get: {
        operationId: 'listTasks',
        description: 'Tasks of the projects the caller can see, newest first.',
        parameters: [
          {
            name: 'project',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'env',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'app',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Tasks',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Task',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'startTask',
        description:
          "Starts a task of any kind the backend runs (App Center's own and those backend modules add) in one environment of a project: 403 unless the caller may deploy there, 400 when the input does not fit the kind (its schema, then its own checks); otherwise the task is queued with its planned steps.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TaskRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'The queued task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tasks/{id}': {
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
          },
        },
      ],
      get: {
        operationId: 'getTask',
        responses: {
          '200': {
            description: 'The task with its steps',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/tasks/{id}/cancel': {
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
          },
        },
      ],
      post: {
        operationId: 'cancelTask',
        description:
          'Cancels a pending task at once; asks a running one to stop at its next step or check.',
        responses: {
          '200': {
            description: 'The task',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Task',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/templates': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
      ],
      get: {
        operationId: 'listTemplates',
        description:
          "The project's templates with a summary each (files, kinds, images). Summaries are cached by the template folder's tree id, so a template is parsed again only when it changed. Any member of the project's tenant.",
        responses: {
          '200': {
            description: 'Templates and the revision they were read at',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TemplateList',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
      post: {
        operationId: 'createTemplate',
        description:
          'Creates a template from files or from a starter (image, port, replicas: a Deployment and a Service). Tenant admins only. 409 when the template exists.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TemplateInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Template',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/templates/{app}': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/templateApp',
        },
      ],
      get: {
        operationId: 'getTemplate',
        responses: {
          '200': {
            description: "The template's summary",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Template',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
      delete: {
        operationId: 'deleteTemplate',
        description:
          'Deletes the template folder. Environment copies stay. Tenant admins only.',
        parameters: [
          {
            name: 'baseRevision',
            in: 'query',
            required: false,
            description:
              'When given, refused (409) if the template changed since this commit.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '204': {
            description: 'Deleted',
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/templates/{app}/files': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/templateApp',
        },
      ],
      get: {
        operationId: 'getTemplateFiles',
        description:
          "The template's manifest files and the revision they were read at (send it back as baseRevision).",
        responses: {
          '200': {
            description: 'Files',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ManifestFiles',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
      put: {
        operationId: 'writeTemplateFiles',
        description:
          'Writes and deletes files in one commit authored by the caller. Every written file is validated (400 with issues at their line and column). With baseRevision, refused (409) when any of the files changed since. Tenant admins only.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ManifestFilesWrite',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Written (committed is false when nothing changed)',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ManifestWriteResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/templates/{app}/drift': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/templateApp',
        },
      ],
      get: {
        operationId: 'getTemplateDrift',
        description:
          'Per environment holding a copy of the template: the template changes since the copy (files with a unified diff each). Environments of the project without a copy are listed in `notAssociated`.',
        responses: {
          '200': {
            description: 'Drift per environment',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/TemplateDrift',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
    },
    '/projects/{project}/templates/{app}/drift/{env}/apply': {
      parameters: [
        {
          $ref: '#/components/parameters/project',
        },
        {
          $ref: '#/components/parameters/templateApp',
        },
        {
          $ref: '#/components/parameters/env',
        },
      ],
      post: {
        operationId: 'applyTemplateDrift',
        description:
          "Merges the template changes into the environment's copy (three-way: the template as copied, the environment's files, the template now) and records the new provenance, in one commit. YAML files merge by document (kind and name) and key path, lists of named items by name, and keep the environment's comments. A value both sides changed takes the side `resolutions` chose for it; any left unresolved is a 409 listing each (`error.conflicts`); nothing is written then. Tenant admins only.",
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DriftApplyInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Applied',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DriftApplyResult',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/TemplateErrorResponse',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      tenant: {
        name: 'tenant',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      project: {
        name: 'project',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      env: {
        name: 'env',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      app: {
        name: 'app',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      resourceGroup: {
        name: 'group',
        in: 'query',
        required: false,
        description: 'API group ("" or absent for core kinds).',
        schema: {
          type: 'string',
          maxLength: 253,
        },
      },
      resourceVersion: {
        name: 'version',
        in: 'query',
        required: true,
        description: 'API version, e.g. v1.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      resourceKind: {
        name: 'kind',
        in: 'query',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      resourceNamespace: {
        name: 'namespace',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          maxLength: 253,
        },
      },
      resourceName: {
        name: 'name',
        in: 'query',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 253,
        },
      },
      templateApp: {
        name: 'app',
        in: 'path',
        required: true,
        description: 'The app (template) name, a DNS-1123 label.',
        schema: {
          type: 'string',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: "An error in Backstage's JSON error shape",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      TemplateErrorResponse: {
        description:
          "An error in Backstage's JSON error shape; 400 manifest errors carry `issues`, 409 conflicts carry the revisions and files.",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/TemplateError',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
      },
      Source: {
        type: 'string',
        description:
          '`config` when the entry comes from appCenter.tenants in app-config (read-only in the portal), `portal` otherwise.',
        enum: ['config', 'portal'],
      },
      TenantUpdate: {
        type: 'object',
        description:
          'The whole new state of the tenant (PUT replaces it; nothing is kept from before).',
        additionalProperties: false,
        required: ['groups', 'adminGroups'],
        properties: {
          title: {
            type: 'string',
          },
          groups: {
            type: 'array',
            description:
              'Catalog Group refs whose members belong to the tenant.',
            items: {
              type: 'string',
            },
          },
          adminGroups: {
            type: 'array',
            description:
              'Catalog Group refs whose members administer the tenant.',
            items: {
              type: 'string',
            },
          },
        },
      },
      TenantInput: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            description:
              'A DNS-1123 label (lower-case letters, digits and "-", at most 63 characters).',
          },
          title: {
            type: 'string',
          },
          groups: {
            type: 'array',
            description:
              'Catalog Group refs whose members belong to the tenant.',
            items: {
              type: 'string',
            },
          },
          adminGroups: {
            type: 'array',
            description:
              'Catalog Group refs whose members administer the tenant.',
            items: {
              type: 'string',
            },
          },
        },
      },
      Tenant: {
        type: 'object',
        required: [
          'name',
          'title',
          'groups',
          'adminGroups',
          'source',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          groups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          adminGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          source: {
            $ref: '#/components/schemas/Source',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      RepoLocation: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: {
          url: {
            type: 'string',
            description: 'Clone URL of the GitOps repository (https).',
          },
          branch: {
            type: 'string',
            description: 'Branch App Center commits to (default main).',
          },
          dir: {
            type: 'string',
            description:
              'Folder inside the repository that holds the projects (default the root).',
          },
        },
      },
      ArgoCDTarget: {
        type: 'object',
        additionalProperties: false,
        required: ['instance'],
        properties: {
          instance: {
            type: 'string',
            description:
              'Name of an Argo CD instance in appCenter.argocd.instances.',
          },
          project: {
            type: 'string',
            description: 'Argo CD AppProject (default "default").',
          },
        },
      },
      ProjectUpdate: {
        type: 'object',
        additionalProperties: false,
        required: ['tenant', 'repo', 'argocd'],
        properties: {
          tenant: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          repo: {
            $ref: '#/components/schemas/RepoLocation',
          },
          argocd: {
            $ref: '#/components/schemas/ArgoCDTarget',
          },
          allowClusterScoped: {
            type: 'boolean',
            description:
              'Whether manifests of this project may hold cluster-scoped kinds (Namespace, ClusterRole...).',
          },
        },
      },
      ProjectInput: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'tenant', 'repo', 'argocd'],
        properties: {
          name: {
            type: 'string',
            description:
              'A DNS-1123 label (lower-case letters, digits and "-", at most 63 characters).',
          },
          tenant: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          repo: {
            $ref: '#/components/schemas/RepoLocation',
          },
          argocd: {
            $ref: '#/components/schemas/ArgoCDTarget',
          },
          allowClusterScoped: {
            type: 'boolean',
            description:
              'Whether manifests of this project may hold cluster-scoped kinds (Namespace, ClusterRole...).',
          },
        },
      },
      Project: {
        type: 'object',
        required: [
          'name',
          'tenant',
          'title',
          'description',
          'repo',
          'argocd',
          'allowClusterScoped',
          'source',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          name: {
            type: 'string',
          },
          tenant: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          repo: {
            type: 'object',
            required: ['url', 'branch', 'dir'],
            properties: {
              url: {
                type: 'string',
              },
              branch: {
                type: 'string',
              },
              dir: {
                type: 'string',
              },
            },
          },
          argocd: {
            type: 'object',
            required: ['instance', 'project'],
            properties: {
              instance: {
                type: 'string',
              },
              project: {
                type: 'string',
              },
            },
          },
          allowClusterScoped: {
            type: 'boolean',
          },
          source: {
            $ref: '#/components/schemas/Source',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      EnvironmentKind: {
        type: 'string',
        enum: ['dev', 'test', 'prod'],
      },
      Destination: {
        type: 'object',
        additionalProperties: false,
        required: ['namespace'],
        description:
          'Argo CD destination. Exactly one of name (a cluster registered in Argo CD) or server (its API URL).',
        properties: {
          name: {
            type: 'string',
          },
          server: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
        },
      },
      EnvironmentUpdate: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'destination'],
        properties: {
          title: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/EnvironmentKind',
          },
          destination: {
            $ref: '#/components/schemas/Destination',
          },
          protected: {
            type: 'boolean',
            description:
              'When true, only members of deployerGroups (and tenant admins) may deploy.',
          },
          deployerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          cluster: {
            type: 'string',
            description: 'Optional Kubernetes cluster name for direct reads.',
          },
        },
      },
      EnvironmentInput: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind', 'destination'],
        properties: {
          name: {
            type: 'string',
            description:
              'A DNS-1123 label (lower-case letters, digits and "-", at most 63 characters).',
          },
          title: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/EnvironmentKind',
          },
          destination: {
            $ref: '#/components/schemas/Destination',
          },
          protected: {
            type: 'boolean',
            description:
              'When true, only members of deployerGroups (and tenant admins) may deploy.',
          },
          deployerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          cluster: {
            type: 'string',
            description: 'Optional Kubernetes cluster name for direct reads.',
          },
        },
      },
      Environment: {
        type: 'object',
        required: [
          'name',
          'project',
          'title',
          'kind',
          'destination',
          'protected',
          'deployerGroups',
          'source',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          name: {
            type: 'string',
          },
          project: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/EnvironmentKind',
          },
          destination: {
            type: 'object',
            required: ['namespace'],
            properties: {
              name: {
                type: 'string',
              },
              server: {
                type: 'string',
              },
              namespace: {
                type: 'string',
              },
            },
          },
          protected: {
            type: 'boolean',
          },
          deployerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          cluster: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/Source',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      Capability: {
        type: 'object',
        description:
          "Whether the caller may do one thing here; when not, why (the domain rule or the portal's policy that refuses).",
        required: ['allowed'],
        properties: {
          allowed: {
            type: 'boolean',
          },
          reason: {
            type: 'string',
            description:
              'Why not, in words the user can act on (e.g. which groups may deploy to a protected environment).',
          },
        },
      },
      Capabilities: {
        type: 'object',
        description:
          "What the caller may do on the target of the response (a project, or an environment of it), decided by the backend's one access resolver: App Center's rules and the portal's permission policy together. The UI offers an action only when it is allowed, and shows the reason when it is not.",
        required: [
          'read',
          'editTemplates',
          'editEnvironmentApp',
          'deploy',
          'manage',
        ],
        properties: {
          read: {
            $ref: '#/components/schemas/Capability',
          },
          editTemplates: {
            $ref: '#/components/schemas/Capability',
          },
          editEnvironmentApp: {
            $ref: '#/components/schemas/Capability',
          },
          deploy: {
            $ref: '#/components/schemas/Capability',
          },
          manage: {
            $ref: '#/components/schemas/Capability',
          },
        },
      },
      Access: {
        type: 'object',
        required: ['portalAdmin', 'tenants'],
        properties: {
          portalAdmin: {
            type: 'boolean',
          },
          tenants: {
            type: 'array',
            items: {
              type: 'object',
              required: ['tenant', 'admin'],
              properties: {
                tenant: {
                  type: 'string',
                },
                admin: {
                  type: 'boolean',
                },
              },
            },
          },
        },
      },
      DeployImage: {
        type: 'object',
        additionalProperties: false,
        required: ['image', 'tag'],
        properties: {
          image: {
            type: 'string',
            description:
              'Image repository as the manifests name it, e.g. registry.example.com/shop/web.',
          },
          tag: {
            type: 'string',
            description: 'A tag, or a digest (sha256:<hex>).',
          },
        },
      },
      DeployInput: {
        type: 'object',
        additionalProperties: false,
        required: ['apps'],
        properties: {
          apps: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['app', 'images'],
              properties: {
                app: {
                  type: 'string',
                },
                images: {
                  type: 'array',
                  minItems: 1,
                  maxItems: 20,
                  items: {
                    $ref: '#/components/schemas/DeployImage',
                  },
                },
              },
            },
          },
          message: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ScaleInput: {
        type: 'object',
        additionalProperties: false,
        required: ['replicas'],
        properties: {
          replicas: {
            type: 'integer',
            minimum: 0,
            maximum: 1000,
          },
          workload: {
            type: 'string',
            description: 'The workload',
            'when the app has several of one kind.': null,
          },
        },
      },
      AutoscalingInput: {
        type: 'object',
        additionalProperties: false,
        required: ['minReplicas', 'maxReplicas'],
        properties: {
          minReplicas: {
            type: 'integer',
            minimum: 1,
            maximum: 1000,
          },
          maxReplicas: {
            type: 'integer',
            minimum: 1,
            maximum: 1000,
          },
          cpuUtilization: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
          },
          memoryUtilization: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
          },
          workload: {
            type: 'string',
          },
        },
      },
      RollbackInput: {
        type: 'object',
        additionalProperties: false,
        required: ['revision'],
        properties: {
          revision: {
            type: 'string',
            description: "A commit SHA from the app's deploy history.",
          },
        },
      },
      SyncResource: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'name'],
        properties: {
          group: {
            type: 'string',
            description: 'API group ("" for core kinds).',
          },
          kind: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
        },
      },
      SyncInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          resources: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/SyncResource',
            },
          },
          prune: {
            type: 'boolean',
          },
        },
      },
      DeployHistoryEntry: {
        type: 'object',
        required: ['id', 'revision', 'images'],
        properties: {
          id: {
            type: 'integer',
            description: "Argo CD's history id.",
          },
          revision: {
            type: 'string',
          },
          deployedAt: {
            type: 'string',
          },
          deployStartedAt: {
            type: 'string',
          },
          initiatedBy: {
            type: 'object',
            properties: {
              username: {
                type: 'string',
              },
              automated: {
                type: 'boolean',
              },
            },
          },
          images: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Images the manifests held at that commit.',
          },
          author: {
            type: 'object',
            required: ['name', 'email'],
            properties: {
              name: {
                type: 'string',
              },
              email: {
                type: 'string',
              },
            },
          },
          message: {
            type: 'string',
          },
          committedAt: {
            type: 'string',
          },
          viaPortal: {
            type: 'boolean',
            description:
              'App Center made the commit (a task, or manifests saved in the portal, e.g. with "sync after"); absent for commits pushed from outside the portal.',
          },
          task: {
            type: 'object',
            required: ['id'],
            description:
              'The App Center task that made the commit (its App-Center-Task trailer).',
            properties: {
              id: {
                type: 'string',
              },
              kind: {
                type: 'string',
              },
              status: {
                type: 'string',
              },
              requestedBy: {
                type: 'string',
              },
              appStatus: {
                type: 'string',
                description: "Outcome of the task's step for this app.",
              },
              appMessage: {
                type: 'string',
              },
            },
          },
          warning: {
            type: 'string',
          },
        },
      },
      DeployHistory: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeployHistoryEntry',
            },
          },
          nextCursor: {
            type: 'string',
          },
        },
      },
      EnvironmentAppFilesWrite: {
        type: 'object',
        additionalProperties: false,
        properties: {
          files: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/ManifestFile',
            },
          },
          deleted: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'string',
            },
          },
          baseRevision: {
            type: 'string',
          },
          message: {
            type: 'string',
            maxLength: 2000,
          },
          sync: {
            type: 'boolean',
            description: 'Queue a sync of the app to the new commit.',
          },
        },
      },
      EnvironmentAppFilesWriteResult: {
        allOf: [
          {
            $ref: '#/components/schemas/ManifestWriteResult',
          },
          {
            type: 'object',
            properties: {
              task: {
                $ref: '#/components/schemas/Task',
              },
            },
          },
        ],
      },
      AssociateInput: {
        type: 'object',
        additionalProperties: false,
        required: ['app'],
        properties: {
          app: {
            type: 'string',
            description:
              "The template to associate (its name is the app's name).",
          },
          overwrite: {
            type: 'boolean',
            description:
              'Replace an existing copy in this environment (files not in the template are removed).',
          },
        },
      },
      AppImages: {
        type: 'object',
        required: ['running', 'manifest'],
        properties: {
          running: {
            type: 'array',
            description:
              'Images of the live pods (Argo CD status.summary.images).',
            items: {
              type: 'string',
            },
          },
          manifest: {
            type: 'array',
            description:
              "Images written in the environment's manifests in git.",
            items: {
              type: 'string',
            },
          },
        },
      },
      SyncState: {
        type: 'object',
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            description: "Synced, OutOfSync or Unknown (Argo CD's values).",
          },
          revision: {
            type: 'string',
          },
        },
      },
      HealthState: {
        type: 'object',
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            description:
              "Healthy, Progressing, Degraded, Suspended, Missing or Unknown (Argo CD's values).",
          },
          message: {
            type: 'string',
          },
        },
      },
      OperationState: {
        type: 'object',
        required: ['phase'],
        properties: {
          phase: {
            type: 'string',
            description: 'Running, Terminating, Succeeded, Failed or Error.',
          },
          message: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          revision: {
            type: 'string',
          },
        },
      },
      EnvironmentApp: {
        type: 'object',
        required: ['name', 'project', 'environment', 'state', 'images'],
        properties: {
          name: {
            type: 'string',
          },
          project: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['associated', 'no-application', 'no-folder', 'unknown'],
            description:
              "associated: a folder in git and an Argo CD Application; no-application: in git but Argo CD has no Application for it; no-folder: an Application App Center manages whose folder is gone from git; unknown: Argo CD (or git) could not be read, see the list's warnings.",
          },
          application: {
            type: 'string',
            description: 'The Argo CD Application name.',
          },
          argocdInstance: {
            type: 'string',
          },
          deleting: {
            type: 'boolean',
            description:
              'The Application is being deleted (Argo CD is removing its resources).',
          },
          mainKind: {
            type: 'string',
            description:
              'The main workload kind (Deployment, StatefulSet, Rollout...).',
          },
          images: {
            $ref: '#/components/schemas/AppImages',
          },
          sync: {
            $ref: '#/components/schemas/SyncState',
          },
          health: {
            $ref: '#/components/schemas/HealthState',
          },
          operation: {
            $ref: '#/components/schemas/OperationState',
          },
          template: {
            type: 'object',
            description:
              "Where the environment's copy came from (its provenance).",
            properties: {
              name: {
                type: 'string',
              },
              revision: {
                type: 'string',
              },
            },
          },
          capabilities: {
            $ref: '#/components/schemas/Capabilities',
          },
          lastTask: {
            type: 'object',
            description:
              'The latest App Center task for this app (filled once the task engine exists).',
            properties: {
              id: {
                type: 'string',
              },
              kind: {
                type: 'string',
              },
              status: {
                type: 'string',
              },
              createdAt: {
                type: 'string',
              },
            },
          },
        },
      },
      StoreApp: {
        type: 'object',
        required: ['name'],
        properties: {
          name: {
            type: 'string',
          },
          chart: {
            type: 'string',
          },
          version: {
            type: 'string',
            description: 'Chart version or target revision.',
          },
          repoURL: {
            type: 'string',
          },
          images: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sync: {
            $ref: '#/components/schemas/SyncState',
          },
          health: {
            $ref: '#/components/schemas/HealthState',
          },
        },
      },
      EnvironmentAppList: {
        type: 'object',
        required: ['platformApps', 'storeApps', 'capabilities'],
        properties: {
          capabilities: {
            $ref: '#/components/schemas/Capabilities',
          },
          platformApps: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentApp',
            },
          },
          storeApps: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/StoreApp',
            },
          },
          warnings: {
            type: 'array',
            description:
              'What could not be read (e.g. Argo CD unreachable); the list shows what git holds.',
            items: {
              type: 'string',
            },
          },
        },
      },
      EntityApps: {
        type: 'object',
        required: ['project', 'app', 'environments'],
        properties: {
          project: {
            type: 'string',
          },
          app: {
            type: 'string',
          },
          templateExists: {
            type: 'boolean',
          },
          environments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['environment', 'capabilities'],
              properties: {
                environment: {
                  $ref: '#/components/schemas/Environment',
                },
                capabilities: {
                  $ref: '#/components/schemas/Capabilities',
                },
                app: {
                  $ref: '#/components/schemas/EnvironmentApp',
                },
              },
            },
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      SeverityCounts: {
        type: 'object',
        required: ['critical', 'high', 'medium', 'low', 'unknown'],
        properties: {
          critical: {
            type: 'integer',
          },
          high: {
            type: 'integer',
          },
          medium: {
            type: 'integer',
          },
          low: {
            type: 'integer',
          },
          unknown: {
            type: 'integer',
          },
        },
      },
      VulnerabilityFinding: {
        type: 'object',
        required: ['id', 'severity', 'package'],
        properties: {
          id: {
            type: 'string',
          },
          severity: {
            type: 'string',
            enum: ['critical', 'high', 'medium', 'low', 'unknown'],
          },
          package: {
            type: 'string',
          },
          installedVersion: {
            type: 'string',
          },
          fixedVersion: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
      },
      ImageSecurityReport: {
        type: 'object',
        required: ['image', 'scanned', 'counts', 'fixable', 'topFindings'],
        properties: {
          image: {
            type: 'string',
          },
          scanned: {
            type: 'boolean',
            description:
              'False when no provider has a scan of the image (yet).',
          },
          provider: {
            type: 'string',
          },
          url: {
            type: 'string',
            description: "The provider's page about the scan, when it has one.",
          },
          scannedAt: {
            type: 'string',
          },
          counts: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          fixable: {
            type: 'integer',
            description: 'How many findings have a fixed version.',
          },
          topFindings: {
            type: 'array',
            description:
              'The most severe findings (fixable ones first within a severity), at most 10.',
            items: {
              $ref: '#/components/schemas/VulnerabilityFinding',
            },
          },
        },
      },
      ImageSecurity: {
        type: 'object',
        required: ['configured', 'providers', 'images'],
        properties: {
          configured: {
            type: 'boolean',
          },
          message: {
            type: 'string',
            description: 'How to configure a provider, when none is.',
          },
          providers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          images: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImageSecurityReport',
            },
          },
          warnings: {
            type: 'array',
            description:
              "Providers that failed; the other providers' scans are still shown.",
            items: {
              type: 'string',
            },
          },
        },
      },
      ImageTag: {
        type: 'object',
        required: ['tag', 'publishable'],
        properties: {
          tag: {
            type: 'string',
          },
          digest: {
            type: 'string',
            description:
              'Digest of the manifest the tag points at, when it was looked up.',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the image was created (OCI) or pushed (providers such as Harbor), when known.',
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Labels a registry provider keeps for the tag.',
          },
          publishable: {
            type: 'boolean',
            description:
              'False when a registry provider marks the tag as not to be deployed; the backend refuses it too.',
          },
          reason: {
            type: 'string',
            description: 'Why the tag is not publishable.',
          },
        },
      },
      ImageTagOrder: {
        type: 'object',
        required: ['by', 'createdResolved', 'description'],
        description: 'How the listing was ordered.',
        properties: {
          by: {
            type: 'string',
            enum: ['created', 'created-window', 'name'],
            description:
              'created: every tag by creation time. created-window: the createdResolved newest-looking tags (by name) by creation time first, the others after by name. name: by name only, newest-looking first.',
          },
          createdResolved: {
            type: 'integer',
            description: 'How many tags of the listing have a creation time.',
          },
          description: {
            type: 'string',
            description: 'The same in words, for a tooltip.',
          },
        },
      },
      ImageTagList: {
        type: 'object',
        required: ['repository', 'source', 'items', 'total', 'order'],
        properties: {
          repository: {
            type: 'string',
            description:
              "The repository listed, host/path (Docker Hub's images as docker.io/library/...).",
          },
          source: {
            type: 'string',
            description:
              "Who listed the tags, oci (the registry's distribution API) or a registry provider's id.",
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImageTag',
            },
          },
          nextCursor: {
            type: 'string',
            description:
              'Pass as cursor for the next page; absent on the last page.',
          },
          total: {
            type: 'integer',
            description: 'Tags in the whole listing (after q).',
          },
          order: {
            $ref: '#/components/schemas/ImageTagOrder',
          },
        },
      },
      ResourceTreeNode: {
        type: 'object',
        required: ['id', 'kind', 'name', 'version', 'group', 'children'],
        properties: {
          id: {
            type: 'string',
            description:
              'A key unique in the tree (the UID, or group/kind/namespace/name when there is none).',
          },
          uid: {
            type: 'string',
          },
          group: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          health: {
            type: 'string',
            description:
              'Healthy, Progressing, Degraded, Suspended, Missing or Unknown; absent when Argo CD has none.',
          },
          healthMessage: {
            type: 'string',
          },
          sync: {
            type: 'string',
            description:
              'Synced, OutOfSync or Unknown, for resources managed from git; absent for their children.',
          },
          images: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          info: {
            type: 'array',
            description:
              "Argo CD's facts about the node (a Pod's status reason, containers ready, restarts).",
            items: {
              type: 'object',
              required: ['name', 'value'],
              properties: {
                name: {
                  type: 'string',
                },
                value: {
                  type: 'string',
                },
              },
            },
          },
          orphaned: {
            type: 'boolean',
            description: 'In the namespace but not managed by the app.',
          },
          createdAt: {
            type: 'string',
          },
          children: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ResourceTreeNode',
            },
          },
        },
      },
      ResourceTree: {
        type: 'object',
        required: ['application', 'root', 'nodeCount'],
        properties: {
          application: {
            type: 'string',
            description: "The Argo CD Application's name.",
          },
          root: {
            $ref: '#/components/schemas/ResourceTreeNode',
          },
          nodeCount: {
            type: 'integer',
            description: 'Nodes below the Application.',
          },
        },
      },
      LiveResource: {
        type: 'object',
        required: ['manifest', 'yaml'],
        properties: {
          manifest: {
            type: 'object',
            additionalProperties: true,
          },
          yaml: {
            type: 'string',
            description: 'The manifest as YAML, without managedFields.',
          },
        },
      },
      ResourceDiff: {
        type: 'object',
        required: ['modified', 'live', 'desired', 'diff'],
        properties: {
          modified: {
            type: 'boolean',
            description: 'Whether the live state differs from git.',
          },
          live: {
            type: 'string',
            description:
              'The normalised live state as YAML ("" when the resource does not exist yet).',
          },
          desired: {
            type: 'string',
            description:
              'The state after a sync as YAML ("" when the resource would be pruned).',
          },
          diff: {
            type: 'string',
            description: 'Unified diff from live to desired; "" when in sync.',
          },
        },
      },
      ResourceEvent: {
        type: 'object',
        required: ['type', 'reason', 'message', 'count'],
        properties: {
          type: {
            type: 'string',
            description: 'Normal or Warning.',
          },
          reason: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          count: {
            type: 'integer',
          },
          firstTimestamp: {
            type: 'string',
          },
          lastTimestamp: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
          involvedObject: {
            type: 'object',
            properties: {
              kind: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
              namespace: {
                type: 'string',
              },
            },
          },
        },
      },
      TaskRequest: {
        type: 'object',
        required: ['kind', 'project', 'environment', 'input'],
        additionalProperties: false,
        properties: {
          kind: {
            type: 'string',
            description: 'The task kind, e.g. scale.',
          },
          project: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          input: {
            type: 'object',
            additionalProperties: true,
            description: "What the kind's input schema asks for.",
          },
        },
      },
      TaskStatus: {
        type: 'string',
        enum: ['pending', 'running', 'succeeded', 'failed', 'cancelled'],
      },
      TaskStep: {
        type: 'object',
        required: ['id', 'title', 'status'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          app: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: [
              'pending',
              'running',
              'succeeded',
              'failed',
              'skipped',
              'cancelled',
            ],
          },
          message: {
            type: 'string',
          },
          result: {
            type: 'object',
            additionalProperties: true,
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
        },
      },
      Task: {
        type: 'object',
        required: [
          'id',
          'kind',
          'status',
          'project',
          'apps',
          'steps',
          'requestedBy',
          'cancelRequested',
          'attempts',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/TaskStatus',
          },
          project: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          apps: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          input: {
            type: 'object',
            additionalProperties: true,
          },
          steps: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TaskStep',
            },
          },
          result: {
            type: 'object',
            additionalProperties: true,
          },
          error: {
            type: 'string',
          },
          requestedBy: {
            type: 'string',
          },
          cancelRequested: {
            type: 'boolean',
          },
          attempts: {
            type: 'integer',
          },
          createdAt: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
        },
      },
      ManifestIssue: {
        type: 'object',
        required: ['path', 'line', 'column', 'message'],
        properties: {
          path: {
            type: 'string',
            description: 'File path relative to the app folder.',
          },
          line: {
            type: 'number',
            description: '1-based line.',
          },
          column: {
            type: 'number',
            description: '1-based column.',
          },
          message: {
            type: 'string',
          },
        },
      },
      TemplateError: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
              issues: {
                type: 'array',
                description:
                  'ManifestValidationError (400): every problem found, at its line and column.',
                items: {
                  $ref: '#/components/schemas/ManifestIssue',
                },
              },
              baseRevision: {
                type: 'string',
                description:
                  'Stale write (409): the revision the edit was based on.',
              },
              headRevision: {
                type: 'string',
                description:
                  'Stale write (409): the current head of the branch.',
              },
              files: {
                type: 'array',
                description:
                  'Conflict (409): the files in conflict, relative to the app folder.',
                items: {
                  type: 'string',
                },
              },
              conflicts: {
                type: 'array',
                description:
                  'Drift apply (409): each value the template and the environment both changed.',
                items: {
                  $ref: '#/components/schemas/DriftConflict',
                },
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
          },
        },
      },
      ManifestFile: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'content'],
        properties: {
          path: {
            type: 'string',
            description:
              'Relative to the app folder; only .yaml/.yml files, no "..", no hidden files.',
          },
          content: {
            type: 'string',
          },
        },
      },
      ManifestFiles: {
        type: 'object',
        required: ['revision', 'files', 'capabilities'],
        properties: {
          capabilities: {
            $ref: '#/components/schemas/Capabilities',
          },
          revision: {
            type: 'string',
            description: 'The commit the files were read at.',
          },
          files: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ManifestFile',
            },
          },
        },
      },
      ManifestFilesWrite: {
        type: 'object',
        additionalProperties: false,
        properties: {
          files: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/ManifestFile',
            },
          },
          deleted: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'string',
            },
          },
          baseRevision: {
            type: 'string',
            description:
              'The revision the edit is based on (from GET files); 409 when the files changed since.',
          },
          message: {
            type: 'string',
            maxLength: 2000,
            description:
              "Commit message (the first line becomes the subject's detail).",
          },
        },
      },
      ManifestWriteResult: {
        type: 'object',
        required: ['revision', 'parent', 'committed', 'files'],
        properties: {
          revision: {
            type: 'string',
            description:
              'The new head (or the unchanged head when committed is false).',
          },
          parent: {
            type: 'string',
          },
          committed: {
            type: 'boolean',
          },
          files: {
            type: 'array',
            description:
              'Files written or deleted, relative to the app folder.',
            items: {
              type: 'string',
            },
          },
        },
      },
      StarterInput: {
        type: 'object',
        additionalProperties: false,
        required: ['image'],
        properties: {
          image: {
            type: 'string',
            description:
              'Container image, e.g. registry.example.com/shop/web:1.0.',
          },
          port: {
            type: 'integer',
            minimum: 1,
            maximum: 65535,
            description: 'Container port (default 8080).',
          },
          replicas: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
            description: 'Replicas (default 1).',
          },
        },
      },
      TemplateInput: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            description: 'The app name, a DNS-1123 label.',
          },
          description: {
            type: 'string',
            maxLength: 500,
          },
          files: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/ManifestFile',
            },
          },
          starter: {
            $ref: '#/components/schemas/StarterInput',
          },
          message: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      TemplateSummary: {
        type: 'object',
        required: ['name', 'files', 'kinds', 'images', 'invalidFiles'],
        properties: {
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          files: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          kinds: {
            type: 'array',
            description: 'Kinds of the objects, e.g. Deployment, Service.',
            items: {
              type: 'string',
            },
          },
          images: {
            type: 'array',
            description: 'Container images as written in the manifests.',
            items: {
              type: 'string',
            },
          },
          invalidFiles: {
            type: 'array',
            description:
              'Files that do not parse (the template is listed anyway).',
            items: {
              type: 'string',
            },
          },
        },
      },
      Template: {
        allOf: [
          {
            $ref: '#/components/schemas/TemplateSummary',
          },
          {
            type: 'object',
            required: ['revision'],
            properties: {
              revision: {
                type: 'string',
                description: 'The commit the template was read at.',
              },
            },
          },
        ],
      },
      TemplateList: {
        type: 'object',
        required: ['revision', 'items', 'capabilities'],
        properties: {
          capabilities: {
            $ref: '#/components/schemas/Capabilities',
          },
          revision: {
            type: 'string',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/TemplateSummary',
            },
          },
        },
      },
      TemplateProvenance: {
        type: 'object',
        required: ['template', 'templateCommit', 'templateTree'],
        properties: {
          template: {
            type: 'string',
          },
          templateCommit: {
            type: 'string',
            description: 'The commit the environment copied the template at.',
          },
          templateTree: {
            type: 'string',
          },
        },
      },
      DriftFile: {
        type: 'object',
        required: ['path', 'status', 'diff'],
        properties: {
          path: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['added', 'modified', 'deleted'],
          },
          diff: {
            type: 'string',
            description:
              'Unified diff from the template as copied to the template now.',
          },
        },
      },
      EnvironmentDrift: {
        type: 'object',
        required: ['environment', 'provenance', 'drifted', 'files'],
        properties: {
          environment: {
            type: 'string',
          },
          provenance: {
            $ref: '#/components/schemas/TemplateProvenance',
          },
          drifted: {
            type: 'boolean',
          },
          files: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DriftFile',
            },
          },
        },
      },
      TemplateDrift: {
        type: 'object',
        required: ['revision', 'environments', 'notAssociated'],
        properties: {
          revision: {
            type: 'string',
          },
          environments: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentDrift',
            },
          },
          notAssociated: {
            type: 'array',
            description:
              'Environments of the project that hold no copy of this template.',
            items: {
              type: 'string',
            },
          },
        },
      },
      DriftApplyInput: {
        type: 'object',
        additionalProperties: false,
        properties: {
          baseRevision: {
            type: 'string',
            description:
              "When given, refused (409) if the environment's copy changed since this commit.",
          },
          message: {
            type: 'string',
            maxLength: 2000,
          },
          resolutions: {
            type: 'array',
            maxItems: 1000,
            description:
              'The side to take for conflicts a previous apply answered (matched by file, document, path).',
            items: {
              $ref: '#/components/schemas/DriftResolution',
            },
          },
        },
      },
      DriftConflict: {
        type: 'object',
        required: ['file', 'document', 'path'],
        description:
          'A value both sides changed since the copy. `document` is `Kind/name` (or `document N`) and `path` a key path in it (`spec.template.spec.containers[web].image`); both are empty when the conflict is about the whole file, `path` alone for a whole document. Values are YAML text, absent where that side has none.',
        properties: {
          file: {
            type: 'string',
            description: 'File path relative to the app folder.',
          },
          document: {
            type: 'string',
          },
          path: {
            type: 'string',
          },
          base: {
            type: 'string',
            description: 'The value in the template as copied.',
          },
          template: {
            type: 'string',
            description: 'The value in the template now.',
          },
          environment: {
            type: 'string',
            description: "The value in the environment's copy.",
          },
        },
      },
      DriftResolution: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'document', 'path', 'take'],
        properties: {
          file: {
            type: 'string',
            maxLength: 500,
          },
          document: {
            type: 'string',
            maxLength: 500,
          },
          path: {
            type: 'string',
            maxLength: 2000,
          },
          take: {
            type: 'string',
            enum: ['template', 'environment'],
            description:
              "template writes the template's value; environment keeps the environment's.",
          },
        },
      },
      DriftApplyResult: {
        allOf: [
          {
            $ref: '#/components/schemas/ManifestWriteResult',
          },
          {
            type: 'object',
            required: ['merged'],
            properties: {
              merged: {
                type: 'array',
                description:
                  'Files merged from the template (relative to the app folder).',
                items: {
                  type: 'string',
                },
              },
            },
          },
        ],
      },
    },
  },
} as const;
