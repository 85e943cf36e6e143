/**
 * Orders tag names "newest-looking" first without asking the registry anything: `latest` first, then by
 * their number and text runs compared from the left, numbers numerically and descending (so `1.10.0` comes
 * before `1.9.2`, and `2024-06-01` before `2024-05-31`). Only a guess: the listing resolves creation times
 * for the first of these and orders them by it.
 */
export function compareNewestLooking(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'latest') return -1;
  if (b === 'latest') return 1;
  const ra = runs(a);
  const rb = runs(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    const xNum = /^\d/.test(x);
    const yNum = /^\d/.test(y);
    if (xNum && yNum) {
      const diff = compareDigits(y, x);
      if (diff !== 0) return diff;
    } else if (xNum !== yNum) {
      // A number sorts above text at the same place: `v2` before `vnext`.
      return xNum ? -1 : 1;
    } else if (x !== y) {
      return x < y ? 1 : -1;
    }
  }
  if (ra.length !== rb.length) {
    // `1.2.1` before `1.2`, but the release `1.2.0` before its pre-release `1.2.0-rc1`.
    const longer = ra.length > rb.length ? ra : rb;
    const preRelease = /^[-~]/.test(longer[Math.min(ra.length, rb.length)]);
    return (rb.length - ra.length) * (preRelease ? -1 : 1);
  }
  return a < b ? 1 : -1;
}

function runs(tag: string): string[] {
  return tag.match(/\d+|\D+/g) ?? [];
}

/** Compares two digit strings numerically without limits on their length. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  if (x === y) return 0;
  return x < y ? -1 : 1;
}
