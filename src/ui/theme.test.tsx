import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import {Lines} from './text/lines.js';
import {ThemeProvider} from './theme.js';
import {toneProps} from './tone.js';

// Chalk decides when it is first imported whether the terminal has colours; this file's worker says yes.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

describe('toneProps', () => {
	it('maps tones to colours only when colour is on', () => {
		expect(toneProps('bad', true)).toEqual({color: 'red', bold: true});
		expect(toneProps('bad', false)).toEqual({});
		expect(toneProps(undefined, true)).toEqual({});
	});
});

describe('colour in frames', () => {
	const lines = [[{text: 'ok', tone: 'ok' as const}, {text: ' bad', tone: 'bad' as const}]];

	it('draws colours when colour is on', () => {
		const on = render(
			<ThemeProvider color>
				<Lines lines={lines} />
			</ThemeProvider>,
		);
		expect(on.lastFrame()).toMatch(/\u001B\[32mok/);
		on.unmount();
	});

	it('writes not a single escape sequence when colour is off', () => {
		const off = render(
			<ThemeProvider color={false}>
				<Lines lines={lines} />
			</ThemeProvider>,
		);
		expect(off.lastFrame()).toBe('ok bad');
		off.unmount();
	});
});
