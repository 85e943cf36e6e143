import { ManifestValidator } from './ManifestValidator';
import { ManifestValidationError } from './ManifestValidationError';

const deployment = (extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${extra}spec:
  replicas: 1
`;

describe('ManifestValidator', () => {
  const v = new ManifestValidator();

  it('accepts multi-document files of Kubernetes objects', () => {
    const text = `${deployment()}---
apiVersion: v1
kind: Service
metadata:
  name: web
---
`;
    expect(v.validateFile('app.yaml', text, {})).toEqual([]);
  });

  it('reports parse errors at their line and column', () => {
    const issues = v.validateFile(
      'bad.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n',
      {},
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].path).toBe('bad.yaml');
    expect(issues[0].line).toBeGreaterThanOrEqual(4);
    expect(issues[0].column).toBeGreaterThan(0);
  });

  it('requires apiVersion, kind and metadata.name, pointing at the document', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkind: ConfigMap\nmetadata:\n  labels: {}\n`;
    const issues = v.validateFile('c.yaml', text, {});
    expect(issues.map(i => i.message)).toEqual([
      'apiVersion is required',
      'metadata.name is required',
    ]);
    expect(issues[0].line).toBe(6);
    expect(issues[1].line).toBe(8);
    expect(v.validateFile('s.yaml', '- a\n- b\n', {})[0].message).toMatch(
      /must be a mapping/,
    );
    expect(v.validateFile('e.yaml', '', {})[0].message).toMatch(
      /no Kubernetes object/,
    );
    expect(
      v.validateFile(
        'n.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n',
        {},
      )[0],
    ).toMatchObject({
      line: 4,
      column: 9,
    });
  });

  it('allows no namespace or the environment namespace only', () => {
    const ns = (n: string) =>
      deployment(`  namespace: ${n}\n`).replace(
        'metadata:\n  name: web\n  namespace',
        'metadata:\n  name: web\n  namespace',
      );
    expect(
      v.validateFile('d.yaml', deployment(), { namespace: 'team-dev' }),
    ).toEqual([]);
    expect(
      v.validateFile('d.yaml', ns('team-dev'), { namespace: 'team-dev' }),
    ).toEqual([]);
    const wrong = v.validateFile('d.yaml', ns('kube-system'), {
      namespace: 'team-dev',
    });
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatchObject({ line: 5, column: 14 });
    expect(wrong[0].message).toContain(
      '"kube-system" is not this environment\'s namespace "team-dev"',
    );
    // Templates are copied to many environments: no namespace at all.
    expect(v.validateFile('d.yaml', ns('team-dev'), {})[0].message).toMatch(
      /must be left out in a template/,
    );
  });

  it('refuses cluster-scoped kinds unless allowed', () => {
    for (const kind of [
      'Namespace',
      'ClusterRole',
      'ClusterRoleBinding',
      'CustomResourceDefinition',
      'PersistentVolume',
      'StorageClass',
      'PriorityClass',
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
      'ClusterIssuer',
    ]) {
      const text = `apiVersion: x/v1\nkind: ${kind}\nmetadata:\n  name: a\n`;
      const issues = v.validateFile('k.yaml', text, {});
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        line: 2,
        message: expect.stringContaining('cluster-scoped'),
      });
      expect(
        v.validateFile('k.yaml', text, { allowClusterScoped: true }),
      ).toEqual([]);
    }
    expect(
      v.validateFile(
        'r.yaml',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: a\n',
        {},
      ),
    ).toEqual([]);
  });

  it('refuses a YAML alias bomb and oversized files', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: x}',
    ].join('\n');
    const issues = v.validateFile('bomb.yaml', bomb, {});
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/YAML bomb/);
    const small = new ManifestValidator({ limits: { maxFileBytes: 100 } });
    expect(
      small.validateFile(
        'big.yaml',
        `${deployment()}#${'x'.repeat(200)}\n`,
        {},
      )[0].message,
    ).toMatch(/larger than 100 bytes/);
    expect(v.validateFile('nul.yaml', 'a: "\0"', {})[0].message).toMatch(/NUL/);
  });

  it('refuses duplicate keys and objects defined twice across files', () => {
    expect(
      v.validateFile(
        'dup.yaml',
        'apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: a}\n',
        {},
      )[0],
    ).toEqual({
      path: 'dup.yaml',
      line: 3,
      column: 1,
      // the position is the issue's own: the message does not repeat it
      message: 'Map keys must be unique',
    });
    const issues = v.validateFiles(
      [
        { path: 'a.yaml', content: deployment() },
        { path: 'b.yaml', content: `---\n${deployment()}` },
      ],
      {},
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'b.yaml',
        line: 2,
        message: expect.stringContaining('already defined in a.yaml:1'),
      }),
    ]);
  });

  it('keeps kustomization.yaml as written: it only has to parse', () => {
    expect(
      v.validateFile('kustomization.yaml', 'resources:\n  - deploy.yaml\n', {}),
    ).toEqual([]);
    expect(
      v.validateFile('kustomization.yaml', 'resources: [\n', {}),
    ).toHaveLength(1);
  });

  it('throws a 400 carrying every issue', () => {
    let error: unknown;
    try {
      v.assertValid([{ path: 'a.yaml', content: 'kind: X\n' }], {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ManifestValidationError);
    const e = error as ManifestValidationError;
    expect(e.name).toBe('InputError');
    expect(e.issues).toEqual([
      { path: 'a.yaml', line: 1, column: 1, message: 'apiVersion is required' },
      {
        path: 'a.yaml',
        line: 1,
        column: 1,
        message: 'metadata.name is required',
      },
    ]);
    expect(e.message).toContain('a.yaml:1:1: apiVersion is required');
  });
});
