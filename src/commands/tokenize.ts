/**
 * Splits a command line into words the way a shell would, keeping each
 * word's character offsets so errors can point at it. Words are separated by
 * whitespace; "double" or 'single' quotes group words (for labels); an
 * unquoted word starting with `#` begins a comment that runs to the end.
 */

import {findControlCharacter} from './control-chars.js';

/** One word of a command line and where it sits (offsets into the text, end exclusive). */
export type Token = {
	readonly text: string;
	readonly start: number;
	readonly end: number;
	/** True when the word was written in quotes (never a keyword then). */
	readonly quoted: boolean;
};

/** The words of a line, or where an unterminated quote starts. */
export type TokenizeResult =
	| {readonly ok: true; readonly tokens: readonly Token[]}
	| {readonly ok: false; readonly message: string; readonly start: number; readonly end: number};

/** Tokenizes one line; never throws. A line holding a control character is refused (see `findControlCharacter`). */
export function tokenize(text: string): TokenizeResult {
	const control = findControlCharacter(text);
	if (control !== undefined) return {ok: false, ...control};
	const tokens: Token[] = [];
	let index = 0;
	while (index < text.length) {
		const char = text[index]!;
		if (/\s/.test(char)) {
			index++;
			continue;
		}
		if (char === '#') break;
		if (char === '"' || char === "'") {
			const close = text.indexOf(char, index + 1);
			if (close < 0) {
				return {ok: false, message: `this ${char === '"' ? 'double' : 'single'} quote is never closed`, start: index, end: text.length};
			}
			tokens.push({text: text.slice(index + 1, close), start: index, end: close + 1, quoted: true});
			index = close + 1;
			continue;
		}
		const start = index;
		while (index < text.length && !/\s/.test(text[index]!)) index++;
		tokens.push({text: text.slice(start, index), start, end: index, quoted: false});
	}
	return {ok: true, tokens};
}
