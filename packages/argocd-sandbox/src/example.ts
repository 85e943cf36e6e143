/** The example GitOps repository `make start` serves on a fresh machine: project `shop`, apps `web` and `api`, env `dev`. */
export const EXAMPLE_REPO_NAME = 'gitops';
export const EXAMPLE_BRANCH = 'main';
export const EXAMPLE_REGISTRY = 'registry.example.com';

function deployment(
  app: string,
  image: string,
  port: number,
  replicas: number,
  extra = '',
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
    app: ${app}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: ${app}
          image: ${image}
          ports:
            - containerPort: ${port}
${extra}`;
}

function service(app: string, port: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  labels:
    app: ${app}
spec:
  selector:
    app: ${app}
  ports:
    - name: http
      port: 80
      targetPort: ${port}
`;
}

function appFiles(registry: string): Record<string, Record<string, string>> {
  return {
    web: {
      'deployment.yaml': deployment(
        'web',
        `${registry}/shop/web:1.0.0`,
        8080,
        2,
      ),
      'service.yaml': service('web', 8080),
    },
    api: {
      'deployment.yaml': deployment(
        'api',
        `${registry}/shop/api:1.0.0`,
        9090,
        1,
        `          envFrom:
            - configMapRef:
                name: api-config
`,
      ),
      'service.yaml': service('api', 9090),
      'configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  LOG_LEVEL: info
`,
    },
  };
}

/**
 * Files of the example repository by path: `shop/templates/<app>/` and the `dev` copies `shop/envs/dev/<app>/`,
 * their images on `registry` (the sandbox's own registry API when the stack starts it, so tags can be listed).
 */
export function exampleRepoFiles(
  registry: string = EXAMPLE_REGISTRY,
): Record<string, string> {
  const files: Record<string, string> = {
    'README.md':
      '# GitOps repository (sandbox example)\n\nLayout: `<project>/templates/<app>/` and `<project>/envs/<env>/<app>/`.\n',
  };
  for (const [app, appFilesByName] of Object.entries(appFiles(registry))) {
    for (const [file, content] of Object.entries(appFilesByName)) {
      files[`shop/templates/${app}/${file}`] = content;
      files[`shop/envs/dev/${app}/${file}`] = content;
    }
  }
  return files;
}
