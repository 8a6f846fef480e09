import { describe, expect, test } from 'vitest'
import { NestedCache } from '../src/cache'

describe('NestedCache', () => {
  test('computes each value once while it is held', () => {
    const cache = new NestedCache<string, number, string>(10)
    let computed = 0
    const compute = (key: number) => {
      computed++
      return `v${key}`
    }
    expect(cache.get('a', 1, compute)).toBe('v1')
    expect(cache.get('a', 1, compute)).toBe('v1')
    expect(cache.get('b', 1, compute)).toBe('v1')
    expect(computed).toBe(2)
  })

  test('holds at most `limit` entries over all its inner maps, dropping the oldest inner maps first', () => {
    const cache = new NestedCache<string, number, number>(4)
    let computed = 0
    const compute = (key: number) => ++computed * 100 + key
    for (const outer of ['a', 'b']) for (const key of [1, 2]) cache.get(outer, key, compute)
    expect(computed).toBe(4)
    // Full: a fifth entry drops 'a' (the oldest inner map), not 'b'.
    cache.get('c', 1, compute)
    expect(computed).toBe(5)
    cache.get('b', 1, compute)
    cache.get('b', 2, compute)
    expect(computed).toBe(5)
    cache.get('a', 1, compute)
    expect(computed).toBe(6)
  })

  test('an inner map that is itself the oldest is made again, not written after being dropped', () => {
    const cache = new NestedCache<string, number, number>(2)
    let computed = 0
    const compute = (key: number) => ++computed + key * 0
    cache.get('a', 1, compute)
    cache.get('a', 2, compute)
    // 'a' is full and the oldest: it is dropped, and the new entry kept in a new map.
    expect(cache.get('a', 3, compute)).toBe(3)
    expect(cache.get('a', 3, compute)).toBe(3)
    expect(computed).toBe(3)
    cache.get('a', 1, compute)
    expect(computed).toBe(4)
  })

  test('over many distinct keys, only the latest `limit` are held', () => {
    const cache = new NestedCache<number, number, number>(3)
    let computed = 0
    const compute = (key: number) => {
      computed++
      return key
    }
    for (let key = 0; key < 10; key++) cache.get(key, key, compute)
    expect(computed).toBe(10)
    for (const key of [9, 8, 7]) cache.get(key, key, compute)
    expect(computed).toBe(10)
    cache.get(6, 6, compute)
    expect(computed).toBe(11)
  })
})
