import {
  checkBranch,
  checkGroupRef,
  checkName,
  checkRepoDir,
  checkRepoUrl,
  checkServerUrl,
  normalizeGroupRef,
  normalizeRepoDir,
} from './validation';

describe('shared validation rules', () => {
  it('accepts DNS-1123 labels only, saying what is allowed', () => {
    expect(checkName('shop-web')).toBeUndefined();
    expect(checkName('a'.repeat(63))).toBeUndefined();
    expect(checkName('a'.repeat(64))).toMatch(/at most 63 are allowed/);
    for (const bad of ['Shop', 'shop_web', '-shop', 'shop-', 'shop.web', '']) {
      expect(checkName(bad)).toBeDefined();
    }
    expect(checkName('Bad_Name')).toMatch(
      /use lower-case letters, digits and "-"/,
    );
  });

  it('checks git branch names', () => {
    for (const ok of ['main', 'release/1.2', 'feature-x'])
      expect(checkBranch(ok)).toBeUndefined();
    for (const bad of [
      '',
      '-x',
      'a..b',
      'a b',
      'x.lock',
      'a//b',
      'tab\there',
      'nul\u0000',
      'x/',
      'a@{b',
    ]) {
      expect(checkBranch(bad)).toBeDefined();
    }
  });

  it('takes a branch as a short name only, by git ref-name rules', () => {
    expect(checkBranch('HEAD')).toMatch(/short name such as "main", not HEAD/);
    expect(checkBranch('refs/heads/x')).toMatch(/not a full ref/);
    expect(checkBranch('b'.repeat(300))).toMatch(
      /300 characters long; at most 255/,
    );
    expect(checkBranch('b'.repeat(255))).toBeUndefined();
    for (const bad of [
      '@',
      'a.lock/b',
      'a/.hidden',
      '.x',
      'x.',
      'a\\b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
    ])
      expect({ bad, problem: checkBranch(bad) }).toEqual({
        bad,
        problem: expect.stringMatching(/not a valid git branch name/),
      });
    for (const ok of ['release/v1.2', 'user@host', 'a.b/c-d_e'])
      expect(checkBranch(ok)).toBeUndefined();
  });

  it('checks repository URLs and folders', () => {
    expect(
      checkRepoUrl('https://git.example.com/org/gitops.git'),
    ).toBeUndefined();
    expect(checkRepoUrl('git@github.com:org/repo.git')).toMatch(/not a URL/);
    expect(checkRepoUrl('ssh://git.example.com/org/x.git')).toMatch(
      /http or https/,
    );
    expect(checkRepoUrl('https://u:p@git.example.com/x.git')).toMatch(
      /must not carry credentials/,
    );
    expect(checkRepoDir('deploy/k8s')).toBeUndefined();
    expect(checkRepoDir('../up')).toMatch(/must not contain/);
    expect(checkRepoDir('/abs')).toMatch(/relative/);
    for (const gitDir of ['.git', '.git/hooks', 'apps/.git', './.GIT/x'])
      expect(checkRepoDir(gitDir)).toMatch(
        /must not be or contain a \.git folder/,
      );
    expect(checkRepoDir('apps/.gitops')).toBeUndefined();
    expect(checkRepoDir('a/../../b')).toMatch(/must not contain "\.\."/);
    expect(normalizeRepoDir('./deploy//k8s/')).toBe('deploy/k8s');
    expect(normalizeRepoDir('.')).toBe('');
    expect(checkServerUrl('https://kubernetes.default.svc')).toBeUndefined();
    expect(checkServerUrl('kubernetes')).toMatch(/not an http\(s\) URL/);
  });

  it('normalises group references and refuses other kinds', () => {
    expect(normalizeGroupRef('team-a')).toBe('group:default/team-a');
    expect(normalizeGroupRef('Group:Ops/Team-A')).toBe('group:ops/team-a');
    expect(checkGroupRef('user:default/alice')).toMatch(
      /is a user, not a group/,
    );
    expect(checkGroupRef('a:b:c')).toMatch(/not a catalog entity reference/);
  });
});
