import {describe, expect, it} from 'vitest';
import {didYouMean, editDistance, nearest} from './nearest.js';

describe('nearest', () => {
	it.each([
		['valdate', ['levels', 'check', 'validate', 'export'], 'validate'],
		['chek', ['levels', 'check', 'validate'], 'check'],
		['--jsno', ['--json', '--levels'], '--json'],
		['LEVELS', ['levels'], 'levels'],
		['xyz', ['levels', 'check'], undefined],
	])('%s → %s', (word, candidates, expected) => {
		expect(nearest(word, candidates)).toBe(expected);
	});

	it('says nothing when the word is already right', () => {
		expect(didYouMean('check', ['check'])).toBe('');
		expect(didYouMean('chek', ['check'])).toBe(' (did you mean "check"?)');
	});

	it('answers at once for an unknown field name a megabyte long (a hostile level file)', () => {
		const fields = ['formatVersion', 'id', 'title', 'chapter', 'concepts', 'story', 'briefing', 'objective', 'network', 'commands', 'goals', 'hints', 'solution'];
		expect(nearest('y'.repeat(3_000_000), fields)).toBeUndefined();
	});
});

describe('editDistance', () => {
	it.each([
		['kitten', 'sitting', 3],
		['abc', 'acb', 1],
		['', 'abc', 3],
		['same', 'same', 0],
	])('%s → %s is %i', (a, b, distance) => {
		expect(editDistance(a, b)).toBe(distance);
	});
});
