import React from 'react';
import fc from 'fast-check';
import {Box} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {ThemeProvider} from '../theme.js';
import type {Tone} from '../tone.js';
import {Frame} from '../frame.js';
import {fitRows} from './fit.js';
import {Lines, TextBlock} from './lines.js';
import {type StyledLine, truncateLine} from './styled-line.js';

// Colours forced on for this file's worker: the styled frames are compared too.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

afterEach(() => cleanup());

const PIECES = ['a', 'word', ' ', '  ', 'é', 'e\u0301', '漢字', 'ｱ', '🚀', '✅', '👨‍👩‍👧', '❤️', '🇫🇷', '·', '│', '★', '›', '—', '…', '\t', 'x'.repeat(30)];
const TONES: (Tone | undefined)[] = [undefined, 'ok', 'bad', 'warn', 'accent', 'dim', 'strong', 'selected', 'title', 'key'];
const segment = fc.record({text: fc.array(fc.constantFrom(...PIECES), {minLength: 1, maxLength: 6}).map((parts) => parts.join('')), tone: fc.constantFrom(...TONES)});
const line: fc.Arbitrary<StyledLine> = fc.array(segment, {maxLength: 5}).map((segments) => segments.map(({text, tone}) => (tone === undefined ? {text} : {text, tone})));

function frame(element: React.JSX.Element): string | undefined {
	const instance = render(element);
	const out = instance.lastFrame();
	instance.unmount();
	return out;
}

describe('TextBlock', () => {
	it('draws exactly what <Lines> draws in a box of its width: same rows, same cuts, same colours', () => {
		fc.assert(
			fc.property(fc.array(line, {maxLength: 8}), fc.integer({min: 4, max: 60}), fc.boolean(), fc.boolean(), (drawn, width, color, fitting) => {
				// Half the cases with every row cut to fit, as the screens lay them out; the others as they come.
				const lines = fitting ? drawn.map((row) => truncateLine(row, width)) : drawn;
				const box = (child: React.JSX.Element) => (
					<ThemeProvider color={color}>
						<Box flexDirection="column" width={width} overflow="hidden">
							{child}
						</Box>
					</ThemeProvider>
				);
				expect(frame(box(<TextBlock lines={lines} width={width} />))).toBe(frame(box(<Lines lines={lines} />)));
			}),
			{numRuns: 400},
		);
	});
});

describe('Frame without clipping', () => {
	it('draws rows that fit exactly as the clipping frame does', () => {
		fc.assert(
			fc.property(fc.array(line, {maxLength: 12}), fc.integer({min: 10, max: 60}), fc.integer({min: 2, max: 14}), fc.boolean(), (drawn, columns, height, color) => {
				const size = {columns, rows: height};
				const rows = fitRows(
					drawn.map((row) => truncateLine(row, columns)),
					height - 1,
				);
				const screen = (clip: boolean) => (
					<ThemeProvider color={color}>
						<Frame size={size} linear={false} clip={clip}>
							<TextBlock lines={rows} width={columns} />
						</Frame>
					</ThemeProvider>
				);
				expect(frame(screen(false))).toBe(frame(screen(true)));
			}),
			{numRuns: 300},
		);
	});
});
