/**
 * Text that no field may hold: the NUL character (PostgreSQL cannot store it in text) and
 * UTF-16 surrogate halves without their partner (not valid Unicode; they cannot be written
 * as UTF-8). Checked once at the edge for every body, query string and path parameter.
 */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const FORBIDDEN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting we walk; deeper bodies are refused by the schemas anyway. */
const MAX_DEPTH = 64;

/** The JSON-pointer path of the first string (or object key) holding a forbidden character, or null. */
export function findForbiddenText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path || '/' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenText(value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (FORBIDDEN.test(key)) return here;
    const found = findForbiddenText(child, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A path as it may be shown in a message: forbidden characters made visible. */
export function printablePath(path: string): string {
  // eslint-disable-next-line no-control-regex -- making NUL visible is the point
  return path.replace(/[\u0000\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
