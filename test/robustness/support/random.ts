/**
 * A small seeded PRNG (mulberry32) for fuzz tests: the same seed always gives
 * the same sequence, so a failure names its seed and can be replayed.
 */

/** A deterministic source of random choices. */
export type Random = {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
	/** One element of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** True with probability `p`. */
	chance(p: number): boolean;
};

/** The generator for `seed`. */
export function seeded(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number): number => Math.floor(next() * n);
	return {
		next,
		int,
		pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
		chance: (p) => next() < p,
	};
}
