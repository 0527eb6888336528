import type {Level} from './schema.js';

/**
 * A level's fingerprint, so a saved draft can tell that the level it was
 * typed against has changed. Pure: no `node:crypto`, no clock.
 */

/**
 * JSON text of `value` with object keys sorted at every depth and no
 * whitespace, so two equal values always give the same text whatever the key
 * order of the file. `undefined` properties are dropped, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The stable hash of a level: cyrb64 (two 32-bit multiply-xor lanes, the
 * 64-bit form of the well-known cyrb53) over the UTF-8 bytes of its canonical
 * JSON (defaults filled, keys sorted), as 16 lowercase hex digits. The same
 * level always gives the same hash; reformatting the file, reordering keys or
 * spelling out a default does not change it. Not a security hash.
 */
export function levelHash(level: Level): string {
	return cyrb64(new TextEncoder().encode(canonicalJson(level)));
}

/**
 * cyrb64 of some bytes (two 32-bit multiply-xor lanes, the 64-bit form of the
 * well-known cyrb53) as 16 lowercase hex digits: fast, well spread, not a
 * security hash.
 */
function cyrb64(bytes: Uint8Array): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index]!;
		h1 = Math.imul(h1 ^ byte, 2654435761);
		h2 = Math.imul(h2 ^ byte, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return hex32(h2) + hex32(h1);
}

function hex32(value: number): string {
	return (value >>> 0).toString(16).padStart(8, '0');
}
