/**
 * "Did you mean …?": the nearest known word to a mistyped one.
 */

/**
 * Edit distance between two strings: insertions, deletions, substitutions
 * and swaps of two neighbouring letters each cost 1 (Levenshtein with
 * transpositions, the "optimal string alignment" distance), so `wbe` is one
 * typo away from `web`.
 */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	const rows: number[][] = [Array.from({length: b.length + 1}, (_, index) => index)];
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			row.push(best);
		}
		rows.push(row);
	}
	return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`: edit distance ≤ 2 (case-insensitive; and
 * less than half the word's length, so `-x` does not suggest `-u`), or
 * one that starts with it (or that it starts with). Ties go to the smaller
 * distance, then the shorter candidate, then alphabetical order. Undefined
 * when nothing is close or the word is empty.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	if (lower.length === 0) return undefined;
	let best: {candidate: string; score: number} | undefined;
	for (const candidate of candidates) {
		const other = candidate.toLowerCase();
		if (other === lower) return candidate;
		const prefix = other.startsWith(lower) || (lower.startsWith(other) && other.length >= 2);
		// The distance is at least the difference in length (exactly that for a prefix): a pasted
		// megabyte of text is measured against no word it cannot be near.
		const gap = Math.abs(lower.length - other.length);
		if (gap > 2 && !prefix) continue;
		const distance = prefix ? gap : editDistance(lower, other);
		if (distance > 2 && !prefix) continue;
		// Short words are easy to confuse: a typo must leave more than half the word intact.
		if (!prefix && distance * 2 >= lower.length) continue;
		const score = prefix ? Math.min(distance, 1.5) : distance;
		if (
			best === undefined ||
			score < best.score ||
			(score === best.score && (candidate.length < best.candidate.length || (candidate.length === best.candidate.length && candidate < best.candidate)))
		) {
			best = {candidate, score};
		}
	}
	return best?.candidate;
}
