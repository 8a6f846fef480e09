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

/** The inner map for `key`, created on first use. */
export function inner<K, K2, V>(maps: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = maps.get(key)
  if (map === undefined) {
    map = new Map()
    maps.set(key, map)
  }
  return map
}
