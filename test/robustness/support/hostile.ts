import fs from 'node:fs';
import path from 'node:path';
import {builtInLevelsDir} from '../../../src/levels/load.js';

/**
 * Hostile text for level files: what an instructor's typo, a copy-paste from
 * a web page or a malicious pack could put into the strings a level shows —
 * terminal escape sequences (7-bit and 8-bit), control characters, very long
 * lines and words, and wide, combining, zero-width and right-to-left Unicode.
 */

/** Escape sequences that would clear the screen, move the cursor, retitle the window, recolour, or hide text. */
export const ESCAPES = '\u001B[2J\u001B[H\u001B]0;pwned\u0007\u001B[31m\u009B5m\u001BP+q\u001B\\\u001B[8m';
/** Control characters, a carriage return that would overwrite the row, a backspace, a bell. */
export const CONTROLS = 'a\rb\bc\u0000d\u000Be\u000Cf\u007Fg\u0085h\u0007';
/** A word no row can hold. */
export const LONG_WORD = 'x'.repeat(3000);
/** Wide (CJK, fullwidth, Hangul, emoji), combining, zero-width and right-to-left text, and a bidi override. */
export const WIDE =
	'漢字テキスト ＡＢＣ 한국어 🚀🌍✅⚡ 👨‍👩‍👧‍👦 🇫🇷 e\u0301 Z\u0337\u0322\u0348a\u0336l\u0338g\u0335o\u0334 مرحبا \u202Eevil\u202C \u200B\u2060 ﷺ';
/** Tabs and runs of spaces. */
export const SPACES = '\t\ttabs\tand      spaces';

/** All of it in one string. */
export const HOSTILE = `${ESCAPES}${CONTROLS} ${WIDE} ${SPACES} ${LONG_WORD}`;

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

/** `text` made hostile: a long field gets everything; a short one (a title) a line break, escapes and wide text within `max` UTF-16 units. */
function spoil(text: string, max?: number): string {
	if (max !== undefined) return `${text.slice(0, 8)}\r\u001B[2J${WIDE}`.slice(0, max);
	return `${ESCAPES}${WIDE.slice(0, 24)}${CONTROLS} ${text} ${HOSTILE}`;
}

/** Keys whose string values are free text shown to the player (ids, addresses and commands are left alone). */
const FREE_TEXT = new Set(['title', 'chapter', 'story', 'question', 'answer', 'objective', 'description', 'label', 'image']);
const FREE_TEXT_LISTS = new Set(['hints', 'simplifications']);

/** A copy of a level's JSON with every free-text string made hostile (the title within its 60 characters). */
export function hostileLevel(level: Json): Json {
	const walk = (value: Json, key?: string): Json => {
		if (typeof value === 'string' && key !== undefined && FREE_TEXT.has(key)) return spoil(value, key === 'title' || key === 'chapter' ? 60 : undefined);
		if (Array.isArray(value)) return value.map((item) => (key !== undefined && FREE_TEXT_LISTS.has(key) && typeof item === 'string' ? spoil(item) : walk(item)));
		if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item, name)]));
		return value;
	};
	return walk(level);
}

/**
 * Writes a pack into `dir`: every built-in level with hostile text (ids
 * prefixed with `idPrefix`, so the pack can sit beside the built-in
 * campaign), a hostile pack title, and a broken level whose file name holds
 * escape sequences. Returns the level file names in play order.
 */
export function writeHostilePack(dir: string, idPrefix = ''): string[] {
	const source = builtInLevelsDir();
	const order = (JSON.parse(fs.readFileSync(path.join(source, 'pack.json'), 'utf8')) as {order: string[]}).order;
	fs.mkdirSync(dir, {recursive: true});
	for (const name of order) {
		const level = JSON.parse(fs.readFileSync(path.join(source, name), 'utf8')) as {id: string} & Record<string, Json>;
		fs.writeFileSync(path.join(dir, name), JSON.stringify(hostileLevel({...level, id: `${idPrefix}${level.id}`}), null, '\t'));
	}
	fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({title: `Evil ${ESCAPES}${WIDE}`, order}));
	fs.writeFileSync(path.join(dir, `zz-\u001B]0;pwned\u0007\u001B[2J${WIDE.slice(0, 10)}.json`), `{"title": "${'\\u001b[2J'}broken ${WIDE.slice(0, 12)}", "story": \n`);
	return order;
}
