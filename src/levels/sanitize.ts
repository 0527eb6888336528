/**
 * Level text comes from files anyone can write; it is shown in a terminal.
 * These helpers make sure a string read from a level can only ever be text:
 * no escape sequence can move the cursor, recolour the screen, set the
 * window title or hide a line.
 */

// ESC followed by: CSI `[` params intermediates final; OSC `]` … (BEL | ESC \);
// DCS/SOS/PM/APC (`P` `X` `^` `_`) … ESC \; or any other single character (ESC 7, ESC c…).
// An unterminated string sequence runs to the end of the text, as a terminal would swallow it.
const ESCAPE_SEQUENCE =
	/\u001b(?:\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[\u0020-\u007e]?)/gu;
// The 8-bit forms: CSI (U+009B) with its parameters, OSC (U+009D) and DCS/SOS/PM/APC up to ST (U+009C) or BEL.
const C1_SEQUENCE = /\u009b[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u009d\u0090\u0098\u009e\u009f][^\u009c\u0007]*[\u009c\u0007]?/gu;
// C0 controls except \n (tab becomes a space first), DEL, and C1 controls.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu;
// Bidirectional overrides and isolates reorder what the terminal shows (CVE-2021-42574, "Trojan Source").
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/gu;
// A lone surrogate (possible through JSON's \uD800 escapes) is not text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Returns `text` with every terminal escape sequence (7-bit and 8-bit) and
 * every C0/C1 control character removed, except `\n`. `\r\n` and `\r` become
 * `\n`, a tab becomes one space, bidi override characters are removed and a
 * lone surrogate becomes U+FFFD. Printable Unicode (accents, CJK, emoji) is kept.
 * Idempotent: `sanitizeText(sanitizeText(s)) === sanitizeText(s)`.
 */
export function sanitizeText(text: string): string {
	return text
		.replace(LONE_SURROGATE, '\ufffd')
		.replace(/\r\n?/gu, '\n')
		.replace(ESCAPE_SEQUENCE, '')
		.replace(C1_SEQUENCE, '')
		.replace(/\t/gu, ' ')
		.replace(CONTROL, '')
		.replace(BIDI_CONTROL, '');
}

/**
 * Returns a copy of JSON-shaped data with `sanitizeText` applied to every
 * string value (object keys are left alone: the schema decides which keys exist).
 * Objects are rebuilt as plain objects with own data properties only, so a
 * `__proto__` key stays an ordinary key and never changes a prototype.
 */
export function sanitizeDeep<T>(value: T): T {
	return sanitizeValue(value) as T;
}

function sanitizeValue(value: unknown): unknown {
	if (typeof value === 'string') return sanitizeText(value);
	if (Array.isArray(value)) return value.map(sanitizeValue);
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) {
			Object.defineProperty(copy, key, {value: sanitizeValue(item), enumerable: true, writable: true, configurable: true});
		}
		return copy;
	}
	return value;
}
