/**
 * The shape another language must fill in for a Dutch dictionary: the same keys, a string
 * for every text and a function with the same parameters for every text with values.
 * Tables written `as Record<string, string>` (keyed by Dutch text or by a code) stay open.
 */
export type Dictionary<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends Record<string, string>
      ? { [K in keyof T]: string }
      : { [K in keyof T]: Dictionary<T[K]> };
