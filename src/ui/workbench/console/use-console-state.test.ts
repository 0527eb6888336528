import {describe, expect, it} from 'vitest';
import {type Completer, type ConsoleAction, type ConsoleState, consoleReducer, initialConsoleState, LINE_LIMIT} from './use-console-state.js';

function run(actions: readonly ConsoleAction[], state: ConsoleState = initialConsoleState()): ConsoleState {
	return actions.reduce(consoleReducer, state);
}

const type = (text: string): ConsoleAction => ({type: 'insert', text});

/** Completes the word under the cursor against a fixed word list. */
const words =
	(list: readonly string[]): Completer =>
	(text, cursor) => {
		const from = text.lastIndexOf(' ', cursor - 1) + 1;
		const typed = text.slice(from, cursor);
		return {from, candidates: list.filter((word) => word.startsWith(typed))};
	};

describe('consoleReducer: editing', () => {
	it('inserts at the cursor and moves it', () => {
		const state = run([type('dns add'), {type: 'move-home'}, type('x '), {type: 'move-end'}, type('!')]);
		expect(state.text).toBe('x dns add!');
		expect(state.cursor).toBe(10);
	});

	it('deletes backwards and forwards, by word, to the end, the whole line', () => {
		expect(run([type('abc'), {type: 'delete-backward'}]).text).toBe('ab');
		expect(run([type('abc'), {type: 'move-home'}, {type: 'delete-forward'}]).text).toBe('bc');
		expect(run([type('route add rt-1'), {type: 'delete-word-backward'}]).text).toBe('route add ');
		expect(run([type('route add rt-1'), {type: 'move-word-left'}, {type: 'kill-to-end'}]).text).toBe('route add ');
		expect(run([type('route add'), {type: 'clear-line'}])).toMatchObject({text: '', cursor: 0});
	});

	it('does nothing at the ends of the line', () => {
		const empty = initialConsoleState();
		expect(consoleReducer(empty, {type: 'delete-backward'})).toBe(empty);
		expect(consoleReducer(empty, {type: 'delete-forward'})).toBe(empty);
		expect(run([{type: 'move-left'}]).cursor).toBe(0);
		expect(run([type('a'), {type: 'move-right'}]).cursor).toBe(1);
	});

	it('moves over a character outside the BMP as one character', () => {
		const state = run([type('a😀b'), {type: 'move-left'}, {type: 'move-left'}]);
		expect(state.cursor).toBe(1);
		expect(run([type('a😀'), {type: 'delete-backward'}]).text).toBe('a');
	});

	it('turns pasted line breaks and control characters into nothing harmful', () => {
		expect(run([type('dns add\nfoo\u001b[31m')]).text).toBe('dns add foo[31m');
		const state = initialConsoleState();
		expect(consoleReducer(state, type('\u0007'))).toBe(state);
		expect(run([type('a\u202eb\u2066c\ud800')]).text).toBe('abc\ufffd');
	});

	it(`holds at most ${LINE_LIMIT} units: a huge paste is cut there, never inside a surrogate pair`, () => {
		const pasted = run([type('dns add '), type('x'.repeat(1_000_000))]);
		expect(pasted.text).toHaveLength(LINE_LIMIT);
		expect(pasted.text.startsWith('dns add xxx')).toBe(true);
		expect(consoleReducer(pasted, type('more'))).toBe(pasted);
		const emoji = run([type('a'), type('😀'.repeat(3000))]);
		expect(emoji.text.length).toBeLessThanOrEqual(LINE_LIMIT);
		expect(emoji.text).not.toMatch(/[\ud800-\udbff]$/u);
	});

	it('moves by words', () => {
		const state = run([type('route add rt-1 0.0.0.0/0'), {type: 'move-word-left'}, {type: 'move-word-left'}]);
		expect(state.cursor).toBe('route add '.length);
		expect(consoleReducer(state, {type: 'move-word-right'}).cursor).toBe('route add rt-1'.length);
	});
});

describe('consoleReducer: history', () => {
	it('records submitted lines once each, newest last, and empties the prompt', () => {
		const state = run([type('dig a'), {type: 'submit'}, type('dig a'), {type: 'submit'}, type('  '), {type: 'submit'}, type('show'), {type: 'submit'}]);
		expect(state.history).toEqual(['dig a', 'show']);
		expect(state.text).toBe('');
	});

	it('browses back and forth and gives back the line being typed', () => {
		const start = initialConsoleState(['one', 'two']);
		const typed = consoleReducer(start, type('thr'));
		const back = run([{type: 'history-previous'}], typed);
		expect(back).toMatchObject({text: 'two', cursor: 3});
		const further = run([{type: 'history-previous'}, {type: 'history-previous'}], back);
		expect(further.text).toBe('one');
		const forward = run([{type: 'history-next'}, {type: 'history-next'}], further);
		expect(forward).toMatchObject({text: 'thr', cursor: 3});
		expect(consoleReducer(forward, {type: 'history-next'})).toBe(forward);
	});

	it('keeps the newest 200 lines', () => {
		const many = Array.from({length: 205}, (_, index) => `cmd ${index}`);
		const state = run(many.flatMap((line) => [type(line), {type: 'submit'} as const]));
		expect(state.history).toHaveLength(200);
		expect(state.history.at(-1)).toBe('cmd 204');
	});
});

describe('consoleReducer: Tab completion', () => {
	const completer = words(['route', 'route-table', 'reset']);

	it('completes a single candidate and adds a space', () => {
		const state = run([type('res'), {type: 'complete', completer}]);
		expect(state).toMatchObject({text: 'reset ', cursor: 6, candidates: []});
	});

	it('completes the common prefix, lists the candidates, then cycles through them', () => {
		const first = run([type('ro'), {type: 'complete', completer}]);
		expect(first).toMatchObject({text: 'route', cursor: 5, candidates: ['route', 'route-table']});
		const second = consoleReducer(first, {type: 'complete', completer});
		expect(second.text).toBe('route');
		const third = consoleReducer(second, {type: 'complete', completer});
		expect(third).toMatchObject({text: 'route-table', cursor: 11});
		const wrapped = consoleReducer(third, {type: 'complete', completer});
		expect(wrapped.text).toBe('route');
	});

	it('replaces only the word under the cursor and keeps the rest of the line', () => {
		const state = run([type('x ro tail'), {type: 'move-word-left'}, {type: 'move-left'}, {type: 'complete', completer: words(['route'])}]);
		expect(state.text).toBe('x route tail');
		expect(state.cursor).toBe('x route'.length);
	});

	it('stops cycling after any edit', () => {
		const cycling = run([type('ro'), {type: 'complete', completer}, {type: 'complete', completer}]);
		const edited = consoleReducer(cycling, type(' '));
		expect(edited.cycle).toBeUndefined();
		expect(edited.candidates).toEqual([]);
	});

	it('does nothing visible when nothing matches', () => {
		const state = run([type('zz'), {type: 'complete', completer}]);
		expect(state).toMatchObject({text: 'zz', candidates: []});
	});
});
