import { ResponseError } from '@backstage/errors';

/** Field name -> message, for the fields of one form. */
export type FieldErrors = Record<string, string | undefined>;

/** The message a person should read: the server's own message for a ResponseError. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.cause.message || error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** The HTTP status of a failed request, when the error came from the backend. */
export function errorStatus(error: unknown): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/**
 * Places a failed request's message: a 400 whose message starts with one of the form's field paths
 * (e.g. `repo.url "x" is not a URL`, `groups: ...`) belongs next to that field; anything else is shown
 * above the form. The longest matching field wins, so `destination.namespace` beats `destination`.
 */
export function placeError(
  error: unknown,
  fields: readonly string[],
): { field?: string; message: string } {
  const message = errorMessage(error);
  if (errorStatus(error) !== 400) {
    return { message };
  }
  const field = [...fields]
    .sort((a, b) => b.length - a.length)
    .find(f => {
      if (!message.startsWith(f)) return false;
      const next = message.charAt(f.length);
      return next === '' || next === ' ' || next === ':' || next === '[';
    });
  return { field, message };
}

/** True when no field has a message. */
export function isValid(errors: FieldErrors): boolean {
  return Object.values(errors).every(m => !m);
}
