/**
 * Control characters in a command line. A line is text the player or a
 * student typed, and every word of it may reach a terminal, a `--json`
 * report piped through `jq -r`, a trace or the UI: an ESC, BEL or C1 byte
 * there can set a window title, write the clipboard (OSC 52) or hide a link
 * (OSC 8). So a line holding one is refused, naming the byte, instead of
 * being cleaned silently (the player should see what the file holds).
 */

// ECMA-48 §5 / ISO 6429 names of the C0 set, DEL and the C1 set.
const C0 = [
	'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
	'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];
const C1 = [
	'PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI', 'SS2', 'SS3',
	'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGCI', 'SCI', 'CSI', 'ST', 'OSC', 'PM', 'APC',
];
// Bidirectional embeddings, overrides and isolates reorder what a terminal shows (CVE-2021-42574, "Trojan Source").
const BIDI: Readonly<Record<number, string>> = {
	0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO',
	0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI',
};

// Tab is whitespace between words; everything else below U+0020, DEL, C1, and the bidi controls are refused.
const REFUSED = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The first refused character of a line: where it is, and a message that names it. */
export type ControlCharacter = {readonly start: number; readonly end: number; readonly message: string};

/**
 * The first control character of `text` (C0 except tab, DEL, C1, or a bidi control), or undefined
 * when the line is clean. The message names the byte and its 1-based column:
 * `byte 0x1b (ESC) at column 17 is a control character`.
 */
export function findControlCharacter(text: string): ControlCharacter | undefined {
	const match = REFUSED.exec(text);
	if (match === null) return undefined;
	const start = match.index;
	const code = text.charCodeAt(start);
	const hex = code.toString(16).padStart(code > 0xff ? 4 : 2, '0');
	const column = start + 1;
	const fix = 'retype the line without it';
	if (code < 0x20) return {start, end: start + 1, message: `byte 0x${hex} (${C0[code]}) at column ${column} is a control character: ${fix}`};
	if (code === 0x7f) return {start, end: start + 1, message: `byte 0x7f (DEL) at column ${column} is a control character: ${fix}`};
	if (code <= 0x9f) return {start, end: start + 1, message: `character U+00${hex.toUpperCase()} (${C1[code - 0x80]}) at column ${column} is a control character: ${fix}`};
	return {start, end: start + 1, message: `character U+${hex.toUpperCase()} (${BIDI[code]}) at column ${column} is a bidirectional control that reorders the text shown: ${fix}`};
}
