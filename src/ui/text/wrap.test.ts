import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lineText, lineWidth, padLine, seg, truncateLine} from './styled-line.js';
import {charWidth, sliceToWidth, textWidth} from './width.js';
import {wrapLine, wrapText} from './wrap.js';

const rows = (text: string, width: number, indent = 0): string[] => wrapLine([seg(text)], width, indent).map(lineText);

describe('textWidth', () => {
	it.each([
		['abc', 3],
		['✓ ✗ → ⇒ ★', 9],
		['日本', 4],
		['e\u0301', 1],
		['', 0],
	])('%j is %i columns', (text, width) => {
		expect(textWidth(text)).toBe(width);
	});

	it('slices to a width without splitting a wide character', () => {
		expect(sliceToWidth('日本語', 3)).toBe('日');
		expect(sliceToWidth('abc', 2)).toBe('ab');
		expect(charWidth('a'.codePointAt(0)!)).toBe(1);
	});
});

describe('wrapLine', () => {
	it('breaks at spaces and drops the space at the break', () => {
		expect(rows('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
	});

	it('splits a word longer than a row', () => {
		expect(rows('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
	});

	it('indents continuation rows', () => {
		expect(rows('aaa bbb ccc ddd', 9, 2)).toEqual(['aaa bbb', '  ccc ddd']);
	});

	it('keeps segment tones across a break', () => {
		const wrapped = wrapLine([seg('ok ', 'ok'), seg('bad words here', 'bad')], 8);
		expect(wrapped.map(lineText)).toEqual(['ok bad', 'words', 'here']);
		expect(wrapped[0]).toEqual([seg('ok ', 'ok'), seg('bad', 'bad')]);
		expect(wrapped[1]).toEqual([seg('words', 'bad')]);
	});

	it('returns one empty row for empty text, and wraps each paragraph', () => {
		expect(rows('', 10)).toEqual(['']);
		expect(wrapText('a\n\nb', 10).map(lineText)).toEqual(['a', '', 'b']);
	});

	it('never makes a row wider than the width and loses no word (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[a-z✓日]{1,12}$/), {maxLength: 12}), fc.integer({min: 2, max: 30}), fc.integer({min: 0, max: 6}), (words, width, indent) => {
				const wrapped = wrapLine([seg(words.join(' '))], width, indent);
				for (const row of wrapped) expect(lineWidth(row)).toBeLessThanOrEqual(width);
				expect(wrapped.map(lineText).join('').replace(/ /g, '')).toBe(words.join(''));
			}),
		);
	});
});

describe('wrapLine on huge text', () => {
	it('wraps a word of a million characters, joined (emoji sequences) or not, in one pass, losing nothing', () => {
		for (const unit of ['x', 'é', '👨‍👩‍👧']) {
			const word = unit.repeat(1_000_000 / unit.length);
			const rows = wrapLine([seg(word)], 80, 2);
			expect(rows.map(lineText).join('').replace(/ /g, '')).toBe(word);
			for (const row of rows) expect(lineWidth(row)).toBeLessThanOrEqual(80);
		}
	});
});

describe('truncateLine and padLine', () => {
	it('cuts with an ellipsis and pads to the exact width', () => {
		expect(lineText(truncateLine([seg('hello '), seg('world', 'ok')], 8))).toBe('hello w…');
		expect(lineText(truncateLine([seg('short')], 8))).toBe('short');
		expect(lineWidth(padLine([seg('ab')], 6))).toBe(6);
		expect(lineWidth(padLine([seg('abcdefgh')], 6))).toBe(6);
		expect(truncateLine([seg('abc')], 0)).toEqual([]);
	});
});
