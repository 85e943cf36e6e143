import { diffLines } from 'diff';
import { ManifestEditor } from './ManifestEditor';

/** Lines removed and added between two texts. */
function changedLines(before: string, after: string) {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}

const DEPLOYMENT = `# The web front end.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web   # keep me
spec:
  replicas: 2 # scaled by hand
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
    spec:
      initContainers:
        - name: migrate
          image: "reg:5000/team/web:1.0"   # same image, runs migrations
      containers:
        - name: web
          image: reg:5000/team/web:1.0
          ports:
            - containerPort: 8080
        - name: sidecar
          image: reg:5000/team/web-sidecar:1.0
        - name: proxy
          image: 'nginx:1.25'
`;

describe('ManifestEditor', () => {
  it('changes a tag as a one-line diff per container, keeping comments, quotes and layout', () => {
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    const changes = editor.updateImages([
      { image: 'reg:5000/team/web', tag: '1.1' },
    ]);
    expect(
      changes.map(c => [c.container, c.init, c.from, c.to, c.line]),
    ).toEqual([
      ['migrate', true, 'reg:5000/team/web:1.0', 'reg:5000/team/web:1.1', 19],
      ['web', false, 'reg:5000/team/web:1.0', 'reg:5000/team/web:1.1', 22],
    ]);
    const { removed, added } = changedLines(DEPLOYMENT, editor.text);
    expect(removed).toEqual([
      '          image: "reg:5000/team/web:1.0"   # same image, runs migrations',
      '          image: reg:5000/team/web:1.0',
    ]);
    expect(added).toEqual([
      '          image: "reg:5000/team/web:1.1"   # same image, runs migrations',
      '          image: reg:5000/team/web:1.1',
    ]);
  });

  it('never touches a sibling repository with the same prefix and never adds labels (KubeGems weakness 4)', () => {
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    editor.updateImages([{ image: 'reg:5000/team/web-sidecar', tag: '2.0' }]);
    const { removed, added } = changedLines(DEPLOYMENT, editor.text);
    expect(removed).toEqual(['          image: reg:5000/team/web-sidecar:1.0']);
    expect(added).toEqual(['          image: reg:5000/team/web-sidecar:2.0']);
    expect(editor.text).not.toMatch(/version:/);
  });

  it('matches Docker Hub images by normalised name and keeps single quotes', () => {
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    const changes = editor.updateImages([
      { image: 'docker.io/library/nginx', tag: '1.27' },
    ]);
    expect(changes).toHaveLength(1);
    expect(changedLines(DEPLOYMENT, editor.text).added).toEqual([
      "          image: 'nginx:1.27'",
    ]);
  });

  it('a registry port never matches images of other repositories on that registry', () => {
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    expect(editor.updateImages([{ image: 'reg:5000/team', tag: '9' }])).toEqual(
      [],
    );
    expect(editor.updateImages([{ image: 'reg:5000', tag: '9' }])).toEqual([]);
    expect(editor.text).toBe(DEPLOYMENT);
  });

  it('sets and replaces digests', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    editor.updateImages([{ image: 'reg:5000/team/web', tag: '1.2', digest }]);
    expect(
      editor.listImages().filter(i => i.container === 'web')[0].image,
    ).toBe(`reg:5000/team/web:1.2@${digest}`);
    editor.updateImages([{ image: 'reg:5000/team/web', tag: '1.3' }]);
    expect(
      editor.listImages().filter(i => i.container === 'web')[0].image,
    ).toBe('reg:5000/team/web:1.3');
  });

  it('updates StatefulSet, DaemonSet, Job, batch/v1 CronJob and Argo Rollout, not other kinds', () => {
    const workload = (apiVersion: string, kind: string, spec: string) =>
      `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n${spec}`;
    const pod = (indent: string) =>
      `${indent}template:\n${indent}  spec:\n${indent}    initContainers:\n${indent}      - name: i\n${indent}        image: app:1\n${indent}    containers:\n${indent}      - name: c\n${indent}        image: app:1\n`;
    const text = [
      workload('apps/v1', 'StatefulSet', pod('  ')),
      workload('apps/v1', 'DaemonSet', pod('  ')),
      workload('batch/v1', 'Job', pod('  ')),
      workload(
        'batch/v1',
        'CronJob',
        `  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n${pod('      ')}`,
      ),
      workload('argoproj.io/v1alpha1', 'Rollout', pod('  ')),
      workload('example.com/v1', 'Deployment', pod('  ')),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  image: app:1\n',
    ].join('---\n');
    const editor = new ManifestEditor('all.yaml', text);
    const changes = editor.updateImages([
      { image: 'docker.io/library/app', tag: '2' },
    ]);
    expect(changes.map(c => `${c.kind}/${c.container}`)).toEqual([
      'StatefulSet/i',
      'StatefulSet/c',
      'DaemonSet/i',
      'DaemonSet/c',
      'Job/i',
      'Job/c',
      'CronJob/i',
      'CronJob/c',
      'Rollout/i',
      'Rollout/c',
    ]);
    const { removed, added } = changedLines(text, editor.text);
    expect(removed).toHaveLength(10);
    expect(added.every(l => l.trim() === 'image: app:2')).toBe(true);
    expect(editor.text).toContain(
      'kind: ConfigMap\nmetadata:\n  name: c\ndata:\n  image: app:1\n',
    );
    expect(editor.text).toContain(
      'kind: Deployment\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: i\n          image: app:1',
    );
  });

  it('sets replicas as a one-line diff, and inserts the key when missing', () => {
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    expect(editor.setReplicas(5)).toBe(1);
    expect(changedLines(DEPLOYMENT, editor.text)).toEqual({
      removed: ['  replicas: 2 # scaled by hand'],
      added: ['  replicas: 5 # scaled by hand'],
    });
    expect(editor.setReplicas(5)).toBe(0);
    const noReplicas =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  template: {}\n';
    const e2 = new ManifestEditor('db.yaml', noReplicas);
    expect(e2.setReplicas(3)).toBe(1);
    expect(e2.text).toBe(
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n  serviceName: db\n  template: {}\n',
    );
    expect(() => e2.setReplicas(-1)).toThrow(/replicas must be a whole number/);
    expect(() => e2.setReplicas(1.5)).toThrow(
      /replicas must be a whole number/,
    );
    const job = new ManifestEditor(
      'job.yaml',
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  parallelism: 1\n',
    );
    expect(job.setReplicas(3)).toBe(0);
  });

  it('sets replicas only on the named workload when asked', () => {
    const two = `${DEPLOYMENT}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  replicas: 1\n`;
    const editor = new ManifestEditor('two.yaml', two);
    expect(editor.setReplicas(4, { name: 'worker' })).toBe(1);
    expect(changedLines(two, editor.text)).toEqual({
      removed: ['  replicas: 1'],
      added: ['  replicas: 4'],
    });
  });

  it('sets other scalars in place (e.g. a strategy type), quoting when the value needs it', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: RollingUpdate\n';
    const editor = new ManifestEditor('d.yaml', text);
    expect(
      editor.setScalar(
        { kind: 'Deployment' },
        ['spec', 'strategy', 'type'],
        'Recreate',
      ),
    ).toBe(1);
    expect(editor.text).toBe(text.replace('RollingUpdate', 'Recreate'));
    editor.setScalar(
      { kind: 'Deployment' },
      ['spec', 'strategy', 'type'],
      'a: b',
    );
    expect(editor.text).toContain('    type: "a: b"\n');
    editor.setScalar(
      { kind: 'Deployment' },
      ['spec', 'strategy', 'type'],
      'true',
    );
    expect(editor.text).toContain('    type: "true"\n');
    expect(() =>
      editor.setScalar({ kind: 'Deployment' }, ['spec', 'nope', 'x'], 1),
    ).toThrow(/has no mapping at spec.nope/);
  });

  it('lists images with their lines and refuses to edit a broken file', () => {
    const editor = new ManifestEditor('deploy.yaml', DEPLOYMENT);
    expect(editor.listImages().map(i => `${i.container}@${i.line}`)).toEqual([
      'migrate@19',
      'web@22',
      'sidecar@26',
      'proxy@28',
    ]);
    expect(() =>
      new ManifestEditor('x.yaml', 'a: [').updateImages([
        { image: 'a', tag: '1' },
      ]),
    ).toThrow(/x.yaml:/);
  });
});
