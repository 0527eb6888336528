import {prefixMask} from './address.js';

/** A longest-prefix match: the value stored for the most specific block holding the address. */
export type PrefixMatch<T> = {
	readonly value: T;
	/** Prefix length of the matching block. */
	readonly prefix: number;
};

type Level<T> = {readonly prefix: number; readonly mask: number; readonly blocks: Map<number, T>};

/**
 * A longest-prefix-match table over IPv4 blocks: one hash map per prefix
 * length, probed from the longest length present to the shortest. A lookup
 * costs at most 33 probes however many blocks the table holds, so a route
 * table of 100,000 routes answers as fast as one of 10.
 */
export class PrefixTable<T> {
	#levels: Level<T>[] = [];
	#size = 0;

	/** Number of blocks stored. */
	get size(): number {
		return this.#size;
	}

	/**
	 * Stores `value` for the block `base/prefix` (host bits are ignored). The
	 * first value stored for a block wins: adding the same block again returns
	 * false and changes nothing — "ties go to the first listed".
	 */
	add(base: number, prefix: number, value: T): boolean {
		let level = this.#levels.find((candidate) => candidate.prefix === prefix);
		if (level === undefined) {
			level = {prefix, mask: prefixMask(prefix), blocks: new Map()};
			this.#levels = [...this.#levels, level].sort((a, b) => b.prefix - a.prefix);
		}
		const key = (base & level.mask) >>> 0;
		if (level.blocks.has(key)) return false;
		level.blocks.set(key, value);
		this.#size += 1;
		return true;
	}

	/** The value of the most specific block that contains `address`, or undefined when none does. */
	lookup(address: number): PrefixMatch<T> | undefined {
		for (const level of this.#levels) {
			const key = (address & level.mask) >>> 0;
			if (level.blocks.has(key)) return {value: level.blocks.get(key) as T, prefix: level.prefix};
		}
		return undefined;
	}
}
