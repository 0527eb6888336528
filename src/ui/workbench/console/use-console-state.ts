/**
 * The prompt's state as a pure reducer: the text, the cursor, the history
 * (↑/↓) and Tab completion (first Tab completes the common prefix, further
 * Tabs cycle through the candidates). Keys are mapped to these actions by
 * `keyToConsoleAction`; the component only draws the state.
 */

/** Candidates offered for the text between `from` and the cursor. */
export type Completion = {readonly from: number; readonly candidates: readonly string[]};

/** A function from text and cursor to completion candidates (`complete` of src/commands, bound to the network). */
export type Completer = (text: string, cursor: number) => Completion;

/** The prompt. */
export type ConsoleState = {
	readonly text: string;
	/** Cursor position in UTF-16 units, 0…text.length. */
	readonly cursor: number;
	/** Submitted lines, oldest first. */
	readonly history: readonly string[];
	/** Position while browsing history (history.length = the line being typed). */
	readonly historyIndex: number;
	/** The line being typed before browsing started. */
	readonly pending: string;
	/** Active Tab cycle: where the completed word starts, the candidates, which is shown (-1: none yet). */
	readonly cycle?: {readonly from: number; readonly candidates: readonly string[]; readonly index: number};
	/** Candidates to show under the prompt (after a Tab with several choices). */
	readonly candidates: readonly string[];
};

/** Everything the prompt can do. */
export type ConsoleAction =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'delete-backward'}
	| {readonly type: 'delete-forward'}
	| {readonly type: 'delete-word-backward'}
	| {readonly type: 'clear-line'}
	| {readonly type: 'kill-to-end'}
	| {readonly type: 'move-left'}
	| {readonly type: 'move-right'}
	| {readonly type: 'move-home'}
	| {readonly type: 'move-end'}
	| {readonly type: 'move-word-left'}
	| {readonly type: 'move-word-right'}
	| {readonly type: 'history-previous'}
	| {readonly type: 'history-next'}
	| {readonly type: 'complete'; readonly completer: Completer}
	| {readonly type: 'submit'}
	| {readonly type: 'set-text'; readonly text: string; readonly cursor?: number};

/** How many submitted lines are remembered. */
export const HISTORY_LIMIT = 200;

/**
 * The longest line the prompt holds (UTF-16 units): far more than any command
 * needs; a bigger paste is cut here, so no keystroke ever has megabytes to lay out.
 */
export const LINE_LIMIT = 4096;

/** `text` cut to at most `room` UTF-16 units, never between the halves of a surrogate pair. */
function cutTo(text: string, room: number): string {
	if (text.length <= room) return text;
	const end = room > 0 && text.charCodeAt(room - 1) >= 0xd800 && text.charCodeAt(room - 1) <= 0xdbff ? room - 1 : room;
	return text.slice(0, Math.max(0, end));
}

/** An empty prompt with a history. */
export function initialConsoleState(history: readonly string[] = []): ConsoleState {
	return {text: '', cursor: 0, history, historyIndex: history.length, pending: '', candidates: []};
}

function edit(state: ConsoleState, text: string, cursor: number): ConsoleState {
	const {cycle, ...rest} = state;
	void cycle;
	return {...rest, text, cursor: Math.max(0, Math.min(cursor, text.length)), candidates: [], historyIndex: state.history.length};
}

function move(state: ConsoleState, cursor: number): ConsoleState {
	const {cycle, ...rest} = state;
	void cycle;
	return {...rest, cursor: Math.max(0, Math.min(cursor, state.text.length)), candidates: []};
}

function wordStartBefore(text: string, cursor: number): number {
	let at = cursor;
	while (at > 0 && text[at - 1] === ' ') at--;
	while (at > 0 && text[at - 1] !== ' ') at--;
	return at;
}

function wordEndAfter(text: string, cursor: number): number {
	let at = cursor;
	while (at < text.length && text[at] === ' ') at++;
	while (at < text.length && text[at] !== ' ') at++;
	return at;
}

/** The length of the code point before `cursor` (1 or 2 UTF-16 units). */
function previousCharLength(text: string, cursor: number): number {
	const code = text.charCodeAt(cursor - 1);
	return cursor >= 2 && code >= 0xdc00 && code <= 0xdfff ? 2 : 1;
}

function nextCharLength(text: string, cursor: number): number {
	const code = text.charCodeAt(cursor);
	return code >= 0xd800 && code <= 0xdbff && cursor + 1 < text.length ? 2 : 1;
}

function commonPrefix(words: readonly string[]): string {
	if (words.length === 0) return '';
	let prefix = words[0]!;
	for (const word of words) {
		while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
	}
	return prefix;
}

/**
 * Typed or pasted text made safe to echo: line breaks and tabs become a
 * space; control characters and the bidi overrides that would reorder the
 * rest of the row on screen (CVE-2021-42574) are dropped; a lone surrogate
 * (not text) becomes U+FFFD.
 */
function clean(text: string): string {
	return (
		text
			.replace(/[\r\n\t]+/g, ' ')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
			.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
	);
}

function complete(state: ConsoleState, completer: Completer): ConsoleState {
	const {cycle} = state;
	if (cycle && cycle.candidates.length > 1) {
		const index = (cycle.index + 1) % cycle.candidates.length;
		const candidate = cycle.candidates[index]!;
		const previous = cycle.index >= 0 ? cycle.candidates[cycle.index]! : state.text.slice(cycle.from, state.cursor);
		const before = state.text.slice(0, cycle.from);
		const after = state.text.slice(cycle.from + previous.length);
		return {...state, text: before + candidate + after, cursor: cycle.from + candidate.length, cycle: {...cycle, index}};
	}
	const {from, candidates} = completer(state.text, state.cursor);
	const unique = [...new Set(candidates)];
	if (unique.length === 0) return {...state, candidates: []};
	const typed = state.text.slice(from, state.cursor);
	const before = state.text.slice(0, from);
	const after = state.text.slice(state.cursor);
	if (unique.length === 1) {
		const word = unique[0]!;
		const space = after.startsWith(' ') ? '' : ' ';
		return edit(state, before + word + space + after, from + word.length + space.length);
	}
	const prefix = commonPrefix(unique);
	const grown = prefix.length > typed.length ? prefix : typed;
	const text = before + grown + after;
	return {
		...state,
		text,
		cursor: from + grown.length,
		candidates: unique,
		historyIndex: state.history.length,
		cycle: {from, candidates: unique, index: -1},
	};
}

function browse(state: ConsoleState, index: number): ConsoleState {
	if (index < 0 || index > state.history.length || index === state.historyIndex) return state;
	const pending = state.historyIndex === state.history.length ? state.text : state.pending;
	const text = index === state.history.length ? pending : state.history[index]!;
	const {cycle, ...rest} = state;
	void cycle;
	return {...rest, text, cursor: text.length, historyIndex: index, pending, candidates: []};
}

/** The prompt's reducer. `submit` empties the line and records it in the history (read the text first). */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
	const {text, cursor} = state;
	switch (action.type) {
		case 'insert': {
			const typed = cutTo(clean(action.text), LINE_LIMIT - text.length);
			if (!typed) return state;
			return edit(state, text.slice(0, cursor) + typed + text.slice(cursor), cursor + typed.length);
		}
		case 'delete-backward': {
			if (cursor === 0) return state;
			const length = previousCharLength(text, cursor);
			return edit(state, text.slice(0, cursor - length) + text.slice(cursor), cursor - length);
		}
		case 'delete-forward': {
			if (cursor >= text.length) return state;
			return edit(state, text.slice(0, cursor) + text.slice(cursor + nextCharLength(text, cursor)), cursor);
		}
		case 'delete-word-backward': {
			const start = wordStartBefore(text, cursor);
			return edit(state, text.slice(0, start) + text.slice(cursor), start);
		}
		case 'clear-line':
			return edit(state, '', 0);
		case 'kill-to-end':
			return edit(state, text.slice(0, cursor), cursor);
		case 'move-left':
			return move(state, cursor - (cursor > 0 ? previousCharLength(text, cursor) : 0));
		case 'move-right':
			return move(state, cursor + (cursor < text.length ? nextCharLength(text, cursor) : 0));
		case 'move-home':
			return move(state, 0);
		case 'move-end':
			return move(state, text.length);
		case 'move-word-left':
			return move(state, wordStartBefore(text, cursor));
		case 'move-word-right':
			return move(state, wordEndAfter(text, cursor));
		case 'history-previous':
			return browse(state, state.historyIndex - 1);
		case 'history-next':
			return browse(state, state.historyIndex + 1);
		case 'complete':
			return complete(state, action.completer);
		case 'submit': {
			const line = text.trim();
			const last = state.history.at(-1);
			const history = line && line !== last ? [...state.history, line].slice(-HISTORY_LIMIT) : state.history;
			return initialConsoleState(history);
		}
		case 'set-text': {
			const line = cutTo(action.text, LINE_LIMIT);
			return edit(state, line, action.cursor ?? line.length);
		}
	}
}
