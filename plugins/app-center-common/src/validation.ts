/*
 * Input rules shared by the backend (which enforces them) and the frontend (which shows them next to the field
 * before a round trip). Each check returns a message a person can act on, or undefined when the value is fine.
 */

/** The DNS-1123 label rule, written only here: at most 63 lower-case letters, digits and "-", alphanumeric ends. */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** True for a DNS-1123 label: what Kubernetes and Argo CD accept as a name (projects, environments, apps). @public */
export function isDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && DNS1123_LABEL.test(value);
}

/** A DNS-1123 label: what Kubernetes and Argo CD accept as a name. @public */
export function checkName(value: unknown, what = 'name'): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return `${what} is required`;
  }
  if (value.length > 63) {
    return `${what} "${value}" is ${value.length} characters long; at most 63 are allowed`;
  }
  if (!DNS1123_LABEL.test(value)) {
    return `${what} "${value}" is not allowed: use lower-case letters, digits and "-", starting and ending with a letter or digit (a DNS-1123 label, e.g. "shop-web")`;
  }
  return undefined;
}

/** A DNS-1123 subdomain (Argo CD AppProject names). @public */
export function checkSubdomain(
  value: unknown,
  what: string,
): string | undefined {
  if (typeof value !== 'string' || value.length === 0)
    return `${what} is required`;
  if (value.length > 253) return `${what} is longer than 253 characters`;
  const ok = value.split('.').every(part => DNS1123_LABEL.test(part));
  return ok
    ? undefined
    : `${what} "${value}" is not allowed: use lower-case letters, digits, "-" and "." (a DNS-1123 subdomain)`;
}

/** A catalog Group reference such as `group:default/team-a` or `team-a`. @public */
export function checkGroupRef(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim())
    return 'a group reference is empty';
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!m)
    return `"${value}" is not a catalog entity reference (expected group:<namespace>/<name>)`;
  if (m[1] && m[1].toLocaleLowerCase('en-US') !== 'group') {
    return `"${value}" is a ${m[1]}, not a group`;
  }
  return undefined;
}

/** Normalises `team-a` or `Group:default/team-a` to `group:default/team-a`. @public */
export function normalizeGroupRef(value: string): string {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!m) return value.trim();
  return `group:${(m[2] ?? 'default').toLocaleLowerCase(
    'en-US',
  )}/${m[3].toLocaleLowerCase('en-US')}`;
}

/** A git clone URL App Center can push to over HTTP(S). @public */
export function checkRepoUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return 'repo.url is required';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `repo.url "${value}" is not a URL (expected https://host/org/repo.git)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `repo.url must use http or https, not ${url.protocol.replace(
      ':',
      '',
    )}`;
  }
  if (url.username || url.password) {
    return 'repo.url must not carry credentials: configure them in the backend (integrations or appCenter.git)';
  }
  if (url.pathname.length <= 1)
    return `repo.url "${value}" names no repository`;
  return undefined;
}

const MAX_BRANCH = 255;

/**
 * A branch as a short name (`main`, `release/1.2`), by git's ref-name rules (git check-ref-format): no
 * control characters, spaces or `~^:?*[\\`, no `..`, `@{` or `//`, no component starting with `.` or ending
 * with `.lock`, not starting with `-` or `/`, not ending with `/` or `.`, not `@`. A full ref (`refs/heads/x`)
 * and `HEAD` are refused: App Center names the branch, git the ref. @public
 */
export function checkBranch(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return 'repo.branch is required';
  if (value.length > MAX_BRANCH)
    return `repo.branch is ${value.length} characters long; at most ${MAX_BRANCH} are allowed`;
  if (value === 'HEAD' || value.startsWith('refs/'))
    return `repo.branch "${value}" must be a branch's short name such as "main", not ${
      value === 'HEAD' ? 'HEAD' : 'a full ref'
    }`;
  // Control characters are refused by code point: a regular expression with them trips the linter.
  const hasControl = [...value].some(
    c => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f,
  );
  if (
    hasControl ||
    value === '@' ||
    /(^[-/.])|([/.]$)|\.\.|\/\/|@\{|[\s~^:?*[\\]|\.lock(\/|$)|\/\./.test(value)
  ) {
    return `repo.branch "${value}" is not a valid git branch name`;
  }
  return undefined;
}

/** A folder inside the repository: relative, no `..`, no `.git` folder. @public */
export function checkRepoDir(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return 'repo.dir must be a string';
  if (value.startsWith('/') || value.includes('\\')) {
    return `repo.dir "${value}" must be a relative folder such as "apps" or "deploy/k8s"`;
  }
  const parts = value.split('/').filter(p => p !== '' && p !== '.');
  if (parts.some(p => p === '..'))
    return `repo.dir "${value}" must not contain ".."`;
  if (parts.some(p => p.toLowerCase() === '.git'))
    return `repo.dir "${value}" must not be or contain a .git folder (git's own files)`;
  if (parts.some(p => !/^[A-Za-z0-9._-]+$/.test(p))) {
    return `repo.dir "${value}" may only use letters, digits, ".", "_" and "-" in its folder names`;
  }
  return undefined;
}

/** Normalises a repo dir: `./apps/` becomes `apps`, `.` and `` become ``. @public */
export function normalizeRepoDir(value: string | undefined): string {
  return (value ?? '')
    .split('/')
    .filter(p => p !== '' && p !== '.')
    .join('/');
}

/** An Argo CD destination server URL. @public */
export function checkServerUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return 'destination.server is empty';
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    return `destination.server "${value}" is not an http(s) URL such as https://kubernetes.default.svc`;
  }
  return undefined;
}

/** A short human title. @public */
export function checkTitle(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return 'title must be a string';
  if (value.length > 100) return 'title is longer than 100 characters';
  return undefined;
}
