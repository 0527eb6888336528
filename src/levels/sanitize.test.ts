import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeDeep, sanitizeText} from './sanitize.js';

describe('sanitizeText', () => {
	it.each([
		['colour (CSI SGR)', 'TravelBuddy \u001b[31mred\u001b[0m text', 'TravelBuddy red text'],
		['cursor movement and erase', 'a\u001b[2J\u001b[H\u001b[10;20Hb', 'ab'],
		['private CSI', 'x\u001b[?1049hy', 'xy'],
		['OSC window title ended by BEL', 'x\u001b]0;pwned\u0007y', 'xy'],
		['OSC hyperlink ended by ST', '\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\', 'link'],
		['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
		['two-character escapes', 'a\u001b7b\u001bcc\u001b', 'abc'],
		['8-bit CSI', 'a\u009b31mb', 'ab'],
		['8-bit OSC', 'a\u009d0;title\u009cb', 'ab'],
		['C0 controls', 'a\u0000b\u0007c\u0008d\u000be\u000cf\u007fg', 'abcdefg'],
		['C1 controls', 'a\u0085b\u0080c\u0081d', 'abcd'],
		['8-bit DCS runs to ST', 'a\u0090q;1\u009cb', 'ab'],
		['CRLF and CR become LF', 'one\r\ntwo\rthree\n', 'one\ntwo\nthree\n'],
		['tab becomes a space', 'a\tb', 'a b'],
		['bidi overrides', 'abc\u202edef\u2066g\u2069', 'abcdefg'],
		['lone surrogate', 'a\ud800b', 'a\ufffdb'],
		['printable Unicode kept', 'Zürich · 東京 → 🚀 ✓ é', 'Zürich · 東京 → 🚀 ✓ é'],
		['emoji with ZWJ kept', '👩‍💻', '👩‍💻'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeText(input)).toBe(expected);
	});

	it('never leaves a control character except \\n, and is idempotent', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), (input) => {
				const once = sanitizeText(input);
				expect(once).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
				expect(sanitizeText(once)).toBe(once);
			}),
		);
	});

	it('leaves text without controls unchanged', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme'}), (input) => {
				const clean = input.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, '');
				expect(sanitizeText(clean)).toBe(clean);
			}),
		);
	});
});

describe('sanitizeDeep', () => {
	it('sanitizes every string value in nested data and keeps the rest', () => {
		const input = {story: 'a\u001b[1mb', list: ['\u0007x', 3, true, null], nested: {deeper: [{s: '\u009b2Jok'}]}};
		expect(sanitizeDeep(input)).toEqual({story: 'ab', list: ['x', 3, true, null], nested: {deeper: [{s: 'ok'}]}});
	});

	it('keeps a __proto__ key as an own property without touching any prototype', () => {
		const input = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as Record<string, unknown>;
		const output = sanitizeDeep(input);
		expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
		expect(Object.hasOwn(output, '__proto__')).toBe(true);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
		expect((output as {polluted?: unknown}).polluted).toBeUndefined();
	});
});
