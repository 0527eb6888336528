import {describe, expect, it} from 'vitest';
import {capText, echoLine} from './echo-line.js';

describe('echoLine', () => {
	it('shows a short line whole with the caret under the span, control characters as visible marks', () => {
		expect(echoLine('app add web \u001b]0;x\u0007 80', 12, 13)).toEqual(['  app add web ␛]0;x␇ 80', `  ${' '.repeat(12)}^`]);
		expect(echoLine('abc', 1, 1)).toEqual(['  abc', '   ^']);
	});

	it('cuts a long line to a window around the span, each cut marked, the caret no longer than the window', () => {
		const [line, caret] = echoLine(`${'a'.repeat(5000)} ${'b'.repeat(1_000_000)}`, 5001, 1_005_001, 120);
		expect(line.length).toBeLessThanOrEqual(2 + 1 + 120 + 1);
		expect(line.startsWith('  …')).toBe(true);
		expect(line.endsWith('…')).toBe(true);
		expect(caret.length).toBeLessThanOrEqual(2 + 1 + 120);
		expect(line[caret.indexOf('^')]).toBe('b');
		expect(line[caret.indexOf('^') - 1]).toBe(' ');
		const [nul, nulCaret] = echoLine('\u0000'.repeat(1_000_000), 0, 1, 120);
		expect(nul).toBe(`  ${'␀'.repeat(120)}…`);
		expect(nulCaret).toBe('  ^');
	});

	it('capText cuts long text with an ellipsis', () => {
		expect(capText('short')).toBe('short');
		expect(capText('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`);
	});
});
