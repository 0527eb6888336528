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
});
