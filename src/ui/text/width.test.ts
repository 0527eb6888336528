import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {cellText, graphemes, sliceToWidth, textWidth} from './width.js';

/** Text a level or a player may bring: ASCII, accents, CJK, emoji (with joiners, modifiers, flags), marks, controls. */
const PIECES = ['a', 'Z', ' ', 'é', 'e\u0301', '漢', 'ｱ', '한', '\u1100\u1161', '🚀', '✅', '👨‍👩‍👧', '👍🏽', '❤️', '🇫🇷', '1\u20E3', '\u200B', '\u00AD', '\u202E', '\n', '\t', '\u0007', 'Z\u0337\u0322', '·', '│', '★'];
const text = fc.array(fc.constantFrom(...PIECES), {maxLength: 30}).map((parts) => parts.join(''));

describe('textWidth', () => {
	it.each([
		['abc', 3],
		['日本', 4],
		['🚀', 2],
		['✅⚡', 4],
		['👨‍👩‍👧', 2],
		['🇫🇷', 2],
		['e\u0301', 1],
		['❤️', 1],
		['👍🏽', 2],
		['\u00AD', 0],
		['a\nb', 3],
		['\u0007', 0],
	])('%j is %i columns', (input, width) => {
		expect(textWidth(input)).toBe(width);
	});

	it('is what Ink measures for the text as drawn (property)', () => {
		fc.assert(
			fc.property(text, (input) => {
				expect(textWidth(input)).toBe(stringWidth(cellText(input)));
			}),
		);
	});
});

describe('sliceToWidth and graphemes', () => {
	it('never splits a grapheme and never exceeds the width (property)', () => {
		fc.assert(
			fc.property(text, fc.integer({min: 0, max: 40}), (input, width) => {
				const slice = sliceToWidth(input, width);
				expect(input.startsWith(slice)).toBe(true);
				expect(textWidth(slice)).toBeLessThanOrEqual(width);
				expect(graphemes(slice)).toEqual(graphemes(input).slice(0, graphemes(slice).length));
				expect(graphemes(input).join('')).toBe(input);
			}),
		);
	});

	it('cuts a row from text of a million characters at once, joined or not', () => {
		for (const unit of ['é', '漢', 'e\u0301', '👨‍👩‍👧']) {
			const huge = unit.repeat(1_000_000 / unit.length);
			for (let row = 0; row < 5; row++) expect(textWidth(sliceToWidth(huge, 80))).toBeGreaterThanOrEqual(78);
		}
	});
});

describe('textWidth on clusters that join without a mark', () => {
	it.each(['กำ', 'ຄຳ', 'ｶﾞ', 'ﾊﾟ'])('measures %s as one cluster, as string-width does', (text) => {
		expect(textWidth(`x${text}y`)).toBe(stringWidth(`x${text}y`));
	});
});
