import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {consoleKeyAction} from './console-keys.js';

const none: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (patch: Partial<Key>): Key => ({...none, ...patch});
const completer = () => ({from: 0, candidates: []});

describe('consoleKeyAction', () => {
	it.each([
		['', key({return: true}), 'submit'],
		['', key({tab: true}), 'complete'],
		['', key({upArrow: true}), 'history-previous'],
		['', key({downArrow: true}), 'history-next'],
		['', key({leftArrow: true}), 'move-left'],
		['', key({rightArrow: true, ctrl: true}), 'move-word-right'],
		['', key({delete: true}), 'delete-backward'],
		['', key({backspace: true}), 'delete-backward'],
		['a', key({ctrl: true}), 'move-home'],
		['e', key({ctrl: true}), 'move-end'],
		['u', key({ctrl: true}), 'clear-line'],
		['w', key({ctrl: true}), 'delete-word-backward'],
		['k', key({ctrl: true}), 'kill-to-end'],
		['d', key({ctrl: true}), 'delete-forward'],
		['b', key({meta: true}), 'move-word-left'],
		['x', none, 'insert'],
	])('%j %o → %s', (input, pressed, type) => {
		expect(consoleKeyAction(input, pressed, completer)?.type).toBe(type);
	});

	it('leaves the workbench keys alone', () => {
		for (const pressed of [key({escape: true}), key({pageUp: true}), key({pageDown: true}), key({tab: true, shift: true})]) {
			expect(consoleKeyAction('', pressed, completer)).toBeUndefined();
		}
		expect(consoleKeyAction('g', key({ctrl: true}), completer)).toBeUndefined();
	});
});
