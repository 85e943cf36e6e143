import { PathPolicy } from './PathPolicy';
import { GitOpsLayout } from './GitOpsLayout';

describe('PathPolicy', () => {
  it('accepts relative manifest paths and normalises a leading ./', () => {
    expect(PathPolicy.appFile('deploy.yaml')).toBe('deploy.yaml');
    expect(PathPolicy.appFile('./base/svc.yml')).toBe('base/svc.yml');
    expect(PathPolicy.appFile('kustomization.yaml')).toBe('kustomization.yaml');
    expect(PathPolicy.join('apps/p/templates/web', 'a.yaml')).toBe(
      'apps/p/templates/web/a.yaml',
    );
  });

  it.each([
    ['../x.yaml', /must not contain ".."/],
    ['a/../../x.yaml', /must not contain ".."/],
    ['/etc/x.yaml', /relative/],
    ['C:/x.yaml', /relative/],
    ['a\\b.yaml', /backslash/],
    ['a\0.yaml', /control characters/],
    ['a\n.yaml', /control characters/],
    ['a//b.yaml', /empty segment/],
    ['.app-center.yaml', /hidden/],
    ['.git/config.yaml', /hidden/],
    ['run.sh', /must be a .yaml or .yml/],
    ['x.json', /must be a .yaml or .yml/],
    ['a/b/c/d/e.yaml', /nested too deeply/],
    ['', /empty/],
  ])('refuses %j', (p, message) => {
    expect(() => PathPolicy.appFile(p)).toThrow(message);
  });

  it('refuses trees holding symlinks or submodules', () => {
    expect(() =>
      PathPolicy.assertRegularTree('d', [
        { path: 'd/a.yaml', type: 'symlink', oid: 'x' },
      ]),
    ).toThrow(/d\/a.yaml is a symlink/);
    expect(() =>
      PathPolicy.assertRegularTree('d', [
        { path: 'd/m', type: 'submodule', oid: 'x' },
      ]),
    ).toThrow(/is a submodule/);
    expect(() =>
      PathPolicy.assertRegularTree('d', [
        { path: 'd/a.yaml', type: 'file', oid: 'x' },
      ]),
    ).not.toThrow();
  });
});

describe('GitOpsLayout', () => {
  it('puts templates and environment apps in separate folders', () => {
    const l = new GitOpsLayout('shop', 'gitops/');
    expect(l.templateDir('web')).toBe('gitops/shop/templates/web');
    expect(l.envAppDir('base', 'web')).toBe('gitops/shop/envs/base/web');
    expect(l.provenancePath('dev', 'web')).toBe(
      'gitops/shop/envs/dev/web/.app-center.yaml',
    );
    expect(new GitOpsLayout('shop').templatesDir).toBe('shop/templates');
  });

  it('checks names as DNS labels and the dir as a plain folder', () => {
    expect(() => new GitOpsLayout('Shop')).toThrow(/DNS label/);
    expect(() => new GitOpsLayout('shop', '../x')).toThrow(
      /plain relative folder/,
    );
    const l = new GitOpsLayout('shop');
    for (const bad of ['a_b', '-a', 'a-', 'a.b', 'x'.repeat(64), ''])
      expect(() => l.templateDir(bad)).toThrow(/DNS label/);
    expect(l.templateDir('x'.repeat(63))).toContain('x'.repeat(63));
  });
});
