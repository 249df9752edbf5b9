import { FNV_OFFSET, FNV_PRIME } from '../util/fnv.js';

/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny and fast; plenty for spreading synthetic picks (not for anything secret). */
export function random(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(list: readonly T[]): T {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(next() * list.length)] as T;
    },
    chance: (p) => next() < p,
  };
}

/** One seed per (corpus seed, article number), so article n is the same in every corpus size. */
export function articleSeed(seed: number, n: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (const x of [n & 0xffff, n >>> 16, seed >>> 16]) {
    h ^= x;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}
