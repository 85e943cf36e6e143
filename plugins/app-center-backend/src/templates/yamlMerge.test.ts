import { mergeYamlFile, resolverOf } from './yamlMerge';

const base = `# The shop's web front end
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the app
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: reg/web:1.0 # pinned by deploys
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`;
const none = () => undefined;

describe('mergeYamlFile', () => {
  it('merges a template that adds env next to image into an environment that only changed its tag', () => {
    const ours = base.replace('reg/web:1.0', 'reg/web:1.1');
    const theirs = base.replace(
      '          ports:',
      '          env:\n            - name: MODE\n              value: prod\n          ports:',
    );
    const merged = mergeYamlFile('deploy.yaml', base, ours, theirs, none)!;
    expect(merged.conflicts).toEqual([]);
    expect(merged.content).toBe(
      ours.replace(
        '          ports:',
        '          env:\n            - name: MODE\n              value: prod\n          ports:',
      ),
    );
  });

  it('returns each real conflict with document, key path and the three values, and writes the chosen side', () => {
    const ours = base
      .replace('reg/web:1.0', 'reg/web:1.1')
      .replace('replicas: 1', 'replicas: 3');
    const theirs = base
      .replace('reg/web:1.0', 'reg/web:2.0')
      .replace('replicas: 1', 'replicas: 2')
      .replace('- port: 80', '- port: 8080');
    const merged = mergeYamlFile('deploy.yaml', base, ours, theirs, none)!;
    expect(merged.conflicts).toEqual([
      {
        file: 'deploy.yaml',
        document: 'Deployment/web',
        path: 'spec.replicas',
        base: '1',
        template: '2',
        environment: '3',
      },
      {
        file: 'deploy.yaml',
        document: 'Deployment/web',
        path: 'spec.template.spec.containers[web].image',
        base: 'reg/web:1.0',
        template: 'reg/web:2.0',
        environment: 'reg/web:1.1',
      },
    ]);

    const resolved = mergeYamlFile(
      'deploy.yaml',
      base,
      ours,
      theirs,
      resolverOf([
        {
          file: 'deploy.yaml',
          document: 'Deployment/web',
          path: 'spec.replicas',
          take: 'template',
        },
        {
          file: 'deploy.yaml',
          document: 'Deployment/web',
          path: 'spec.template.spec.containers[web].image',
          take: 'environment',
        },
      ]),
    )!;
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.content).toBe(
      ours
        .replace('replicas: 3', 'replicas: 2')
        .replace('- port: 80', '- port: 8080'),
    );
  });

  it('adds, removes and keeps whole documents and named list items', () => {
    const ours = base.replace('reg/web:1.0', 'reg/web:1.1');
    const [deployment] = base.split('---\n');
    const theirs = `${deployment.replace(
      '        - name: web\n',
      '        - name: proxy\n          image: envoy:1\n        - name: web\n',
    )}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n`;
    const merged = mergeYamlFile('deploy.yaml', base, ours, theirs, none)!;
    expect(merged.conflicts).toEqual([]);
    expect(merged.content).toContain('# pinned by deploys');
    expect(merged.content).toContain('image: reg/web:1.1');
    expect(merged.content).toContain('- name: proxy\n          image: envoy:1');
    expect(merged.content).not.toContain('kind: Service');
    expect(merged.content).toContain('---\napiVersion: v1\nkind: ConfigMap');
  });

  it('leaves files that are not YAML to the merge by lines', () => {
    expect(
      mergeYamlFile('x.yaml', 'a: [', 'a: 1', 'a: 2', none),
    ).toBeUndefined();
  });
});
