/** Code-unit order of strings: the same on every machine and locale, for deterministic reports. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
