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
