import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {briefingKeyIntent} from './briefing/briefing-keys.js';
import {completeKeyIntent} from './complete/complete-keys.js';
import {helpKeyIntent} from './help-overlay.js';
import {mapKeyIntent} from './map/map-keys.js';
import {traceKeyIntent} from './trace-view/trace-keys.js';
import {ESC_KEEPS_TEXT, workbenchKeyIntent} from './workbench/workbench-keys.js';

/** Every screen's key mapping, as tables: the key, then the intent it must give. */

const none: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
	super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (patch: Partial<Key> = {}): Key => ({...none, ...patch});

describe('map keys', () => {
	it.each([
		['', key({downArrow: true}), {type: 'move', delta: 1}],
		['k', key(), {type: 'move', delta: -1}],
		['', key({pageDown: true}), {type: 'move', delta: 10}],
		['', key({return: true}), {type: 'open'}],
		['q', key(), {type: 'quit'}],
		['?', key(), {type: 'help'}],
		['r', key(), {type: 'repair'}],
		['x', key(), undefined],
	])('%j', (input, pressed, intent) => expect(mapKeyIntent(input, pressed)).toEqual(intent));
});

describe('briefing, trace, level-complete and help keys', () => {
	it.each([
		[briefingKeyIntent, '', key({return: true}), {type: 'start'}],
		[briefingKeyIntent, '', key({escape: true}), {type: 'back'}],
		[briefingKeyIntent, '', key({pageDown: true}), {type: 'scroll', delta: 10}],
		[traceKeyIntent, '', key({rightArrow: true}), {type: 'step', action: {type: 'next'}}],
		[traceKeyIntent, 'h', key(), {type: 'step', action: {type: 'previous'}}],
		[traceKeyIntent, 'b', key(), {type: 'step', action: {type: 'decisive'}}],
		[traceKeyIntent, '', key({end: true}), {type: 'step', action: {type: 'last'}}],
		[traceKeyIntent, '', key({escape: true}), {type: 'close'}],
		[completeKeyIntent, '', key({return: true}), {type: 'next'}],
		[completeKeyIntent, 'w', key(), {type: 'continue'}],
		[completeKeyIntent, 'm', key(), {type: 'map'}],
		[helpKeyIntent, '?', key(), {type: 'close'}],
		[helpKeyIntent, '', key({downArrow: true}), {type: 'scroll', delta: 1}],
	] as const)('%#', (mapper, input, pressed, intent) => expect((mapper as (i: string, k: Key) => unknown)(input, pressed)).toEqual(intent));
});

describe('workbench keys', () => {
	const completer = () => ({from: 0, candidates: []});
	const at = (focus: 'prompt' | 'goals', promptText = '') => ({focus, promptText, completer, page: 8});

	it('gives typing to the prompt, and the workbench keys to the workbench', () => {
		expect(workbenchKeyIntent('d', key(), at('prompt'))).toEqual({type: 'console', action: {type: 'insert', text: 'd'}});
		expect(workbenchKeyIntent('', key({return: true}), at('prompt', 'dig x'))).toEqual({type: 'submit'});
		expect(workbenchKeyIntent('', key({pageUp: true}), at('prompt'))).toEqual({type: 'scroll-log', delta: 8});
		expect(workbenchKeyIntent('t', key({ctrl: true}), at('prompt'))).toEqual({type: 'last-trace'});
		expect(workbenchKeyIntent('g', key({ctrl: true}), at('prompt'))).toEqual({type: 'focus', focus: 'goals'});
	});

	it('keeps a typed line on Esc (saying how to clear it), and goes back on an empty one; ? helps only on an empty line', () => {
		expect(workbenchKeyIntent('', key({escape: true}), at('prompt', 'dig'))).toEqual({type: 'notice', text: ESC_KEEPS_TEXT});
		expect(workbenchKeyIntent('', key({escape: true}), at('prompt'))).toEqual({type: 'back'});
		expect(workbenchKeyIntent('?', key(), at('prompt'))).toEqual({type: 'help'});
		expect(workbenchKeyIntent('?', key(), at('prompt', 'help'))).toEqual({type: 'console', action: {type: 'insert', text: '?'}});
	});

	it('moves among the goals while picking, Enter traces, Esc returns to the prompt', () => {
		expect(workbenchKeyIntent('', key({downArrow: true}), at('goals'))).toEqual({type: 'goal-move', delta: 1});
		expect(workbenchKeyIntent('', key({return: true}), at('goals'))).toEqual({type: 'goal-open'});
		expect(workbenchKeyIntent('', key({escape: true}), at('goals'))).toEqual({type: 'focus', focus: 'prompt'});
		expect(workbenchKeyIntent('x', key(), at('goals'))).toBeUndefined();
	});
});
