import type {Key} from 'ink';

/**
 * Ink hands a chunk of input that holds no escape sequence to `useInput` as
 * one string, so text typed quickly (or pasted) together with Enter or a
 * Ctrl key arrives as e.g. `"\u0015dns add x\r"`. This splits such a chunk
 * into the key presses it stands for: runs of printable text, and one press
 * per control character.
 */

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** One key press. */
export type KeyPress = {readonly input: string; readonly key: Key};

function controlPress(char: string): KeyPress | undefined {
	const code = char.charCodeAt(0);
	if (char === '\r' || char === '\n') return {input: '', key: {...NO_KEY, return: true}};
	if (char === '\t') return {input: '', key: {...NO_KEY, tab: true}};
	if (char === '\b' || char === '\u007F') return {input: '', key: {...NO_KEY, delete: true}};
	if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), key: {...NO_KEY, ctrl: true}};
	return undefined;
}

/** Whether a chunk needs splitting: several characters, at least one of them a control character. */
export function isCompoundChunk(input: string, key: Key): boolean {
	// eslint-disable-next-line no-control-regex
	return input.length > 1 && !key.ctrl && !key.meta && /[\u0001-\u001A\u007F]/.test(input);
}

/** The key presses a compound chunk stands for, in order (unknown control characters are dropped). */
export function splitChunk(input: string): KeyPress[] {
	const presses: KeyPress[] = [];
	let text = '';
	for (const char of input) {
		const press = /[\u0000-\u001F\u007F]/.test(char) ? controlPress(char) : undefined;
		if (press === undefined && !/[\u0000-\u001F\u007F]/.test(char)) {
			text += char;
			continue;
		}
		if (text) presses.push({input: text, key: NO_KEY});
		text = '';
		if (press) presses.push(press);
	}
	if (text) presses.push({input: text, key: NO_KEY});
	return presses;
}
