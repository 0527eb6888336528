/**
 * "Did you mean …?" for typos in ids, field names, flags and subcommands.
 */

/**
 * The candidate closest to `word` by edit distance (case-insensitive), when it
 * is close enough to be a plausible typo: at most a third of the word's
 * length, and at least 1. Ties go to the earlier candidate. Undefined otherwise.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
	const limit = Math.max(1, Math.floor(word.length / 3));
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		// The distance is at least the difference in length: skip what cannot be within the limit.
		if (Math.abs(word.length - candidate.length) > limit) continue;
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean "x"?)` for the nearest candidate, or `''`. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
	const suggestion = nearest(word, candidates);
	return suggestion === undefined || suggestion === word ? '' : ` (did you mean "${suggestion}"?)`;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
export function editDistance(a: string, b: string): number {
	const rows: number[][] = [];
	for (let i = 0; i <= a.length; i++) {
		const row: number[] = [i];
		for (let j = 1; j <= b.length; j++) {
			if (i === 0) {
				row.push(j);
				continue;
			}
			const above = rows[i - 1] ?? [];
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
			}
			row.push(value);
		}
		rows.push(row);
	}
	return rows[a.length]?.[b.length] ?? 0;
}
