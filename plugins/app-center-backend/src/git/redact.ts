/**
 * Removes credentials from text that may end up in errors, logs or responses.
 */

/** Returns the URL without user info, query string or fragment (which may hold tokens). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//');
  }
}

/**
 * Replaces every occurrence of the given secrets (and of their base64 and URL
 * encodings) and any `user:password@` in URLs with `***`.
 */
export function redactSecrets(
  text: string,
  secrets: Array<string | undefined>,
): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1');
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 3) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(Buffer.from(secret).toString('base64'));
  }
  for (const v of [...variants].sort((a, b) => b.length - a.length)) {
    out = out.split(v).join('***');
  }
  return out;
}
