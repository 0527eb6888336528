import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {editDistance, nearest} from './suggest.js';

describe('editDistance', () => {
	it.each([
		['web', 'web', 0],
		['wbe', 'web', 1],
		['dbb', 'db', 1],
		['rout', 'route', 1],
		['kitten', 'sitting', 3],
		['', 'abc', 3],
	])('%s → %s is %i', (a, b, distance) => {
		expect(editDistance(a, b)).toBe(distance);
	});

	it('is symmetric and zero only for equal strings', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 12}), fc.string({maxLength: 12}), (a, b) => {
				expect(editDistance(a, b)).toBe(editDistance(b, a));
				expect(editDistance(a, b) === 0).toBe(a === b);
			}),
		);
	});
});

describe('nearest', () => {
	const subnets = ['public', 'app', 'db', 'office'];
	it.each([
		['dbb', 'db'],
		['ap', 'app'],
		['pubic', 'public'],
		['OFFICE', 'office'],
		['offi', 'office'],
		['warehouse', undefined],
		['x', undefined],
		['', undefined],
	])('%s → %s', (word, expected) => {
		expect(nearest(word, subnets)).toBe(expected);
	});

	it('does not suggest for a two-letter word that shares one letter', () => {
		expect(nearest('-x', ['-z', '-u'])).toBeUndefined();
	});

	it('prefers the closer candidate, then the shorter', () => {
		expect(nearest('rout', ['route', 'route-table'])).toBe('route');
		expect(nearest('sg-wbe', ['sg-web', 'sg-db'])).toBe('sg-web');
		expect(nearest('sg-wb', ['sg-web', 'sg-db'])).toBe('sg-db');
	});

	it('answers at once for a pasted word of millions of characters (no edit distance to words it cannot be near)', () => {
		const names = Array.from({length: 60}, (_, index) => `command-${index}`);
		expect(nearest('x'.repeat(5_000_000), names)).toBeUndefined();
		// A prefix is still a prefix, however long the rest.
		expect(nearest(`command-1${'9'.repeat(1_000_000)}`, names)).toBe('command-1');
	});

	it('agrees with the plain rule on random words (the length shortcut changes no answer)', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 10}), fc.array(fc.string({maxLength: 10}), {maxLength: 6}), (word, candidates) => {
				const lower = word.toLowerCase();
				let expected: {candidate: string; score: number} | undefined;
				for (const candidate of candidates) {
					const other = candidate.toLowerCase();
					if (other === lower) {
						expected = {candidate, score: -1};
						break;
					}
					const distance = editDistance(lower, other);
					const prefix = other.startsWith(lower) || (lower.startsWith(other) && other.length >= 2);
					if ((distance > 2 && !prefix) || (!prefix && distance * 2 >= lower.length)) continue;
					const score = prefix ? Math.min(distance, 1.5) : distance;
					if (!expected || score < expected.score || (score === expected.score && (candidate.length < expected.candidate.length || (candidate.length === expected.candidate.length && candidate < expected.candidate)))) {
						expected = {candidate, score};
					}
				}
				expect(nearest(word, candidates)).toBe(lower.length === 0 ? undefined : expected?.candidate);
			}),
		);
	});
});
