/** Text made a literal part of a regular expression (its special characters escaped). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The top-level alternatives of a regular expression's source (`a|b(?:c|d)` gives `a` and
 * `b(?:c|d)`): the `|` outside any group, character class or escape. An expression is the
 * union of its alternatives, so testing them one by one (or in other unions) finds what the
 * whole finds — as long as none refers to a group of another (no back-references are used).
 * Hand-written: a scan of the source for its depth, which no regex library offers alone.
 */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}
