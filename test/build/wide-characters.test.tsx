import React from 'react';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';

/**
 * Wide characters (CJK, emoji) take two terminal columns. Ink, as published,
 * keeps them whole: each row's text measures what the layout gave it, a
 * border after them stays in its column, and a later write over a wide
 * character's cells replaces it cleanly (Ink #930: the fork of Ink's output
 * netquest once bundled split them). Level packs from instructors may hold
 * such text in titles and briefings.
 */

const lines = (frame: string | undefined) => (frame ?? '').split('\n');

describe('wide characters as Ink draws them', () => {
	it('keep a box border in its column after CJK and emoji text', () => {
		const {lastFrame} = render(
			<Box borderStyle="single" width={16} flexDirection="column">
				<Text>日本語のレベル</Text>
				<Text>ok 👍 done</Text>
				<Text>plain text</Text>
			</Box>,
		);
		const rows = lines(lastFrame());
		expect(rows).toHaveLength(5);
		for (const row of rows) expect(stringWidth(row)).toBe(16);
		expect(rows[1]).toContain('日本語のレベル');
		expect(rows[2]).toContain('👍');
	});

	it('wrap CJK text between characters, never inside one', () => {
		const {lastFrame} = render(
			<Box width={7}>
				<Text wrap="wrap">日本語日本語日本語</Text>
			</Box>,
		);
		const rows = lines(lastFrame());
		expect(rows.join('')).toBe('日本語日本語日本語');
		for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(7);
	});

	it('replace a wide character written over by later text at its column, the rest of the row unshifted', () => {
		const {lastFrame} = render(
			<Box width={20} height={1}>
				<Text>日本語テキスト</Text>
				<Box position="absolute" marginLeft={2}>
					<Text>ab</Text>
				</Box>
			</Box>,
		);
		const [row] = lines(lastFrame());
		expect(row).toBe('日ab語テキスト');
		expect(stringWidth(row!)).toBe(14);
	});
});
