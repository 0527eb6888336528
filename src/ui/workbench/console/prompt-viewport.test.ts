import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {textWidth} from '../../text/width.js';
import {promptViewport} from './prompt-viewport.js';

describe('promptViewport', () => {
	it('shows short text whole', () => {
		expect(promptViewport('dig x', 2, 20)).toEqual({text: 'dig x', cursorColumn: 2, clippedLeft: false, clippedRight: false});
	});

	it('scrolls a long line so the cursor at the end stays visible', () => {
		const text = 'firewall insert web input 1 allow tcp 443 from 0.0.0.0/0';
		const view = promptViewport(text, text.length, 20);
		expect(view.clippedLeft).toBe(true);
		expect(text.endsWith(view.text)).toBe(true);
		expect(view.cursorColumn).toBeLessThan(20);
	});

	it('keeps the cursor inside the visible text (property)', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 80}), fc.nat(), fc.integer({min: 2, max: 40}), (raw, at, width) => {
				const text = raw.replace(/[\u0000-\u001f]/g, '');
				const cursor = Math.min(at, text.length);
				const view = promptViewport(text, cursor, width);
				expect(textWidth(view.text)).toBeLessThanOrEqual(width - 1);
				expect(view.cursorColumn).toBeGreaterThanOrEqual(0);
				expect(view.cursorColumn).toBeLessThanOrEqual(textWidth(view.text));
				if (!view.clippedLeft && !view.clippedRight) expect(view.text).toBe(text);
			}),
		);
	});
});
