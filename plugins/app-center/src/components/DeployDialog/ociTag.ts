const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * An OCI distribution-spec tag (1-128 of letters, digits, `_`, `.` and `-`, not starting with `.` or
 * `-`), or a digest `sha256:<64 hex>`.
 */
export function checkTag(tag: string): string | undefined {
  if (!tag) return 'a tag is required';
  if (DIGEST.test(tag)) return undefined;
  if (tag.length > 128)
    return `"${tag.slice(0, 20)}…" is longer than 128 characters`;
  if (!OCI_TAG.test(tag)) {
    return `"${tag}" is not a valid tag: use letters, digits, "_", "." and "-", not starting with "." or "-"`;
  }
  return undefined;
}
