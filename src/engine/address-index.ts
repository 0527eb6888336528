import {prefixMask, type Cidr} from './address.js';

/**
 * Which rules of a list can match an address, without reading the list: the
 * rules are filed by their block (one hash map per prefix length, as in
 * PrefixTable), so asking costs at most 33 probes plus the rules that really
 * match. Rules without a block are always candidates. Grading over a whole
 * address class asks one list about thousands of addresses; with this, each
 * question costs about the number of rules that match it, not the length of
 * the list (a 10,000-rule ACL of distinct blocks is as cheap as a 10-rule one).
 */
export class AddressIndex {
	readonly #levels: {readonly mask: number; readonly blocks: Map<number, number[]>}[] = [];
	readonly #always: number[] = [];

	/**
	 * `blocks[i]` is rule i's block: a Cidr (candidate for the addresses inside it),
	 * `undefined` (candidate for every address) or `null` (never a candidate).
	 */
	constructor(blocks: readonly (Cidr | null | undefined)[]) {
		const byPrefix = new Map<number, Map<number, number[]>>();
		blocks.forEach((block, index) => {
			if (block === null) return;
			if (block === undefined) {
				this.#always.push(index);
				return;
			}
			let level = byPrefix.get(block.prefix);
			if (level === undefined) {
				level = new Map();
				byPrefix.set(block.prefix, level);
			}
			const key = (block.base & prefixMask(block.prefix)) >>> 0;
			const list = level.get(key);
			if (list === undefined) level.set(key, [index]);
			else list.push(index);
		});
		for (const [prefix, level] of [...byPrefix].sort((a, b) => b[0] - a[0])) this.#levels.push({mask: prefixMask(prefix), blocks: level});
	}

	/** Indices (ascending, each once) of the rules whose block holds `address`, and of the rules without a block. */
	candidates(address: number): number[] {
		const found: number[] = [...this.#always];
		let lists = this.#always.length > 0 ? 1 : 0;
		for (const level of this.#levels) {
			const list = level.blocks.get((address & level.mask) >>> 0);
			if (list === undefined) continue;
			for (const index of list) found.push(index);
			lists++;
		}
		// One list is already in order; several are merged by a sort of the (few) matches.
		return lists > 1 ? found.sort((a, b) => a - b) : found;
	}
}

/** Indexes built once per rule list (rule lists are immutable values). */
const built = new WeakMap<object, AddressIndex>();

/** The index of a list, built on first use from `blocksOf` and cached for the life of the list object. */
export function addressIndexOf(list: object, blocksOf: () => readonly (Cidr | null | undefined)[]): AddressIndex {
	let index = built.get(list);
	if (index === undefined) {
		index = new AddressIndex(blocksOf());
		built.set(list, index);
	}
	return index;
}

/** Merges ascending index lists into one ascending list without repeats. */
export function mergeCandidates(...lists: readonly (readonly number[])[]): number[] {
	const nonEmpty = lists.filter((list) => list.length > 0);
	if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
	return [...new Set(nonEmpty.flat())].sort((a, b) => a - b);
}
