/**
 * The value for `key` in `map`, computed once by `compute(key)`. A full map is
 * emptied rather than grown: memory stays bounded over any number of members,
 * and what is asked often is back in it at once. On a hot path, pass a
 * function of the key alone: a closure would be made on every call, hit or not.
 */
export function memo<K, V>(map: Map<K, V>, key: K, limit: number, compute: (key: K) => V): V {
  const known = map.get(key)
  if (known !== undefined) return known
  if (map.size >= limit) map.clear()
  const value = compute(key)
  map.set(key, value)
  return value
}

/**
 * Maps of maps (by zone, then day; by locality, then birth date) whose entries
 * are counted together: when `limit` are held in all of them, the oldest inner
 * maps are dropped until there is room. A bound per inner map let memory grow
 * with the number of inner maps (a batch of 1M distinct members: 1.6 GB), and
 * emptying all at once made a cliff of garbage.
 */
export class NestedCache<K1, K2, V> {
  readonly #maps = new Map<K1, Map<K2, V>>()
  #size = 0
  constructor(readonly limit: number) {}

  /** The value under `outer` and `key`, computed once by `compute(key)`. */
  get(outer: K1, key: K2, compute: (key: K2) => V): V {
    let map = this.#maps.get(outer)
    const known = map?.get(key)
    if (known !== undefined) return known
    const value = compute(key)
    // Maps keep their insertion order: the first inner map is the oldest.
    for (const [oldest, entries] of this.#maps) {
      if (this.#size < this.limit) break
      this.#maps.delete(oldest)
      this.#size -= entries.size
      if (oldest === outer) map = undefined
    }
    if (map === undefined) this.#maps.set(outer, (map = new Map()))
    map.set(key, value)
    this.#size++
    return value
  }
}
