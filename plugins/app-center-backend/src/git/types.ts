/** Credentials for one git host. A token is sent as a Bearer token unless `username` is set (then Basic). */
export type GitCredentials =
  | { username: string; password: string }
  | { token: string; username?: string }
  | { headers: Record<string, string> };

/** Resolves the credentials to use for a repository URL (undefined: anonymous). */
export type GitCredentialsResolver = (
  url: string,
) => Promise<GitCredentials | undefined> | GitCredentials | undefined;

/** A person or bot in a commit. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** One file to write, by repository path. */
export interface GitFileWrite {
  path: string;
  content: string;
}

/** What a write function returns: files to write and files to delete (repository paths). */
export interface GitChanges {
  files?: GitFileWrite[];
  deleted?: string[];
  /** Overrides the message of the write request (e.g. when it depends on what was found). */
  message?: string;
}

/** Kind of a tree entry. */
export type GitEntryType =
  | 'file'
  | 'executable'
  | 'symlink'
  | 'directory'
  | 'submodule';

/** One entry found under a directory. */
export interface GitTreeEntry {
  /** Repository path. */
  path: string;
  type: GitEntryType;
  oid: string;
}

/** Read access to the files of one commit. */
export interface GitTreeView {
  /** The commit SHA. */
  readonly revision: string;
  /** File content (utf-8), or undefined when there is no file at the path. */
  readFile(path: string): Promise<string | undefined>;
  /** Object id of the file or directory at the path, or undefined. */
  oidOf(path: string): Promise<string | undefined>;
  /** Entries under a directory; `recursive` descends into subdirectories. Empty when absent. */
  list(dir: string, options?: { recursive?: boolean }): Promise<GitTreeEntry[]>;
}

/** A write: a function of the files at the branch head. */
export interface GitWriteRequest {
  /** The requesting user: the commit author. */
  author: GitIdentity;
  /** Commit message (see `formatCommitMessage`). */
  message: string;
  /**
   * The revision the caller based the edit on. When set, the write is refused
   * with 409 if any path it touches (or any of `watchPaths`) changed between
   * this revision and the head.
   */
  baseRevision?: string;
  /** Extra files or folders whose change since `baseRevision` is a conflict. */
  watchPaths?: string[];
  /** Computes the changes from the files at head. Called again on every retry. */
  apply(view: GitTreeView): Promise<GitChanges> | GitChanges;
}

/** Outcome of a write. */
export interface GitWriteResult {
  /** The new head (or the unchanged head when there was nothing to write). */
  revision: string;
  /** The head the write was applied to. */
  parent: string;
  /** False when the function returned no effective change (nothing was committed). */
  committed: boolean;
  /** Number of push attempts (1 when the first push landed). */
  attempts: number;
  /** Repository paths written or deleted. */
  changedPaths: string[];
}
