import {describe, expect, it} from 'vitest';
import {tokenize} from './tokenize.js';

describe('tokenize', () => {
	it('splits on whitespace and keeps offsets', () => {
		expect(tokenize('  route add\trt-1  0.0.0.0/0 ')).toEqual({
			ok: true,
			tokens: [
				{text: 'route', start: 2, end: 7, quoted: false},
				{text: 'add', start: 8, end: 11, quoted: false},
				{text: 'rt-1', start: 12, end: 16, quoted: false},
				{text: '0.0.0.0/0', start: 18, end: 27, quoted: false},
			],
		});
	});

	it('groups quoted words and reports an unclosed quote', () => {
		expect(tokenize(`host create a --label "the db's box" 'x y'`)).toMatchObject({
			ok: true,
			tokens: [{text: 'host'}, {text: 'create'}, {text: 'a'}, {text: '--label'}, {text: "the db's box", start: 22, end: 36, quoted: true}, {text: 'x y', quoted: true}],
		});
		expect(tokenize('host create "oops')).toEqual({ok: false, message: 'this double quote is never closed', start: 12, end: 17});
	});

	it('treats a word starting with # as the start of a comment', () => {
		expect(tokenize('undo # take it back')).toMatchObject({ok: true, tokens: [{text: 'undo'}]});
		expect(tokenize('curl a http://x/#frag')).toMatchObject({ok: true, tokens: [{text: 'curl'}, {text: 'a'}, {text: 'http://x/#frag'}]});
		expect(tokenize('# only a comment')).toEqual({ok: true, tokens: []});
	});
});

describe('control characters', () => {
	it('refuses a line holding one, naming the byte and its column, the span on it', () => {
		expect(tokenize('app add web \u001b]52;c;eA==\u0007 80')).toEqual({
			ok: false,
			message: 'byte 0x1b (ESC) at column 13 is a control character: retype the line without it',
			start: 12,
			end: 13,
		});
		expect(tokenize('\u0000\u0000')).toMatchObject({ok: false, message: expect.stringContaining('byte 0x00 (NUL) at column 1'), start: 0});
		expect(tokenize('a\rb')).toMatchObject({ok: false, message: expect.stringContaining('byte 0x0d (CR) at column 2')});
		expect(tokenize('a \u007f')).toMatchObject({ok: false, message: expect.stringContaining('byte 0x7f (DEL) at column 3')});
		expect(tokenize('x\u009b31m')).toMatchObject({ok: false, message: expect.stringContaining('character U+009B (CSI) at column 2')});
		expect(tokenize('host create "a\u202eb"')).toMatchObject({ok: false, message: expect.stringContaining('character U+202E (RLO) at column 15 is a bidirectional control')});
		expect(tokenize('# \u001b[2J in a comment')).toMatchObject({ok: false});
	});

	it('keeps tabs as spaces between words, and printable Unicode', () => {
		expect(tokenize('host\tcreate "漢字 🚀 é"')).toMatchObject({ok: true, tokens: [{text: 'host'}, {text: 'create'}, {text: '漢字 🚀 é'}]});
	});
});
