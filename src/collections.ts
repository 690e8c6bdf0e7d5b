/**
 * Lists kept by key (Map.groupBy would do the grouping, but Node 20 does not have it),
 * bounded maps, and a binary search over sorted items.
 */

/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument and overflows the stack past about 125,000 of them (one draft can have that many
 * findings); this does not.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Appends `value` to the list of `key` in `map`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The items by `key`, each list in the order of `items`. */
export function groupBy<K, V>(items: Iterable<V>, key: (item: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) pushTo(map, key(item), item);
  return map;
}

/**
 * Sets `key` in `map`, first forgetting its oldest entry (maps keep insertion order) when it
 * holds `capacity` entries already: a memory that stays bounded however long the run.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  if (map.size >= capacity && !map.has(key)) map.delete(map.keys().next().value as K);
  map.set(key, value);
}

/** Index of the last of `items` (sorted by `key`) whose key is at or before `at`; -1 when none is. */
export function lastAtOrBefore<T>(items: readonly T[], key: (item: T) => number, at: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first of `items` (sorted by `key`) whose key is at or after `at`; `items.length` when none is. */
export function firstAtOrAfter<T>(items: readonly T[], key: (item: T) => number, at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
