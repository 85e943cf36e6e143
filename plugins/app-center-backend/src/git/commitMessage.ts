import { InputError } from '@backstage/errors';

/** What a commit does, for the message `app-center: <action> <project>/<env>/<app>: <detail>`. */
export interface CommitMessageParts {
  /** e.g. `deploy`, `scale`, `edit`, `associate`, `create-template`. */
  action: string;
  project: string;
  /** Environment name; for template changes use `templates`. */
  env: string;
  app: string;
  /** A short human description (first line only is kept in the subject). */
  detail: string;
  /** Task id; adds the trailer `App-Center-Task: <id>`. */
  taskId?: string;
  /** Free text added as the commit body (e.g. the user's message). */
  body?: string;
}

/**
 * Lines of user text that a trailer parser would read as one of the server's trailers (`App-Center-Task:`
 * and any other `App-Center-*:` key). The server owns those: user text only ever quotes them.
 */
const SERVER_TRAILER_LINE = /^[ \t]*(app-center-[a-z0-9-]*[ \t]*:)/gim;

/** Quotes server-owned trailer lines of user text (`> App-Center-Task: x`), so no parser takes them as trailers. */
export function neutraliseServerTrailers(text: string): string {
  return text.replace(SERVER_TRAILER_LINE, '> $1');
}

function oneLine(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Formats a commit message as DESIGN section 3 says:
 * `app-center: <action> <project>/<env>/<app>: <detail>`, an optional body,
 * and the trailer `App-Center-Task: <id>`. Only the server writes that trailer: user text that looks like one
 * is quoted (see {@link neutraliseServerTrailers}).
 */
export function formatCommitMessage(parts: CommitMessageParts): string {
  const action = oneLine(parts.action);
  if (!/^[a-z][a-z0-9-]*$/.test(action)) {
    throw new InputError(
      `commit action "${parts.action}" must be a lower-case word`,
    );
  }
  const detail = oneLine(parts.detail).slice(0, 200) || 'update';
  let message = `app-center: ${action} ${parts.project}/${parts.env}/${parts.app}: ${detail}\n`;
  const body = neutraliseServerTrailers(
    parts.body?.replace(/\r\n?/g, '\n') ?? '',
  ).trim();
  if (body) message += `\n${body}\n`;
  if (parts.taskId) {
    const task = oneLine(parts.taskId);
    if (!/^[A-Za-z0-9._:-]+$/.test(task)) {
      throw new InputError(
        `task id "${parts.taskId}" contains characters not allowed in a commit trailer`,
      );
    }
    message += `\nApp-Center-Task: ${task}\n`;
  }
  return message;
}

/**
 * The subject and body a user's commit message gives (the save dialogs' "message"): a first line of up to
 * 100 characters is the subject and the rest the body; a longer first line keeps `fallback` as the subject
 * and the whole message as the body; no message is the fallback alone.
 */
export function userMessageParts(
  message: string | undefined,
  fallback: string,
): Pick<CommitMessageParts, 'detail' | 'body'> {
  const text = message?.trim();
  if (!text) return { detail: fallback };
  const [first, ...rest] = text.split('\n');
  if (first.trim().length > 100) return { detail: fallback, body: text };
  const body = rest.join('\n').trim();
  return body ? { detail: first, body } : { detail: first };
}
