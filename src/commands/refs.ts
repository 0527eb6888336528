import {idSchema, INTERNET, type Network} from '../engine/network.js';
import {bad, ok, param} from './read.js';
import {allIds, idsOf, kindLabel, kindPlural, whatIs, type EntityKind} from './entities.js';
import {nearest} from './suggest.js';
import type {Param, Read} from './types.js';

/**
 * Parameters that name things: a new id (free across the whole network) or
 * an existing entity of a kind, checked and suggested when the network is
 * known. Without a network only the id's syntax is checked; `apply` checks
 * the names again against the network it changes.
 */

/** The id of something new; with a network, it must not be taken (ids are unique across the network). */
export function newId<const N extends string>(name: N, what: string): Param<N, string, false> {
	return param<N, string>(name, {
		label: '<id>',
		expected: `a new ${what} id of letters, digits, '-', '_' or '.'`,
		read: (token, context) => {
			if (!idSchema.safeParse(token.text).success) {
				return bad(`'${token.text}' is not a valid id: use letters, digits, '-', '_' or '.' (starting with a letter or digit)`, `a ${what} id`);
			}
			if (token.text === INTERNET) return bad(`'${INTERNET}' is reserved: it stands for the public internet`, `a new ${what} id`);
			const taken = context.network === undefined ? undefined : whatIs(context.network, token.text);
			if (taken !== undefined) {
				return bad(`'${token.text}' is already taken by a ${taken} — ids are unique across the network`, `a new ${what} id`);
			}
			return ok(token.text);
		},
	});
}

/** The id of an existing entity of a kind; checked and suggested when the network is known. */
export function ref<const N extends string>(name: N, kind: EntityKind, label?: string): Param<N, string, false> {
	return param<N, string>(name, {
		label: label ?? `<${name}>`,
		expected: `the id of a ${kindLabel(kind)}`,
		read: (token, context) => (context.network === undefined ? checkIdSyntax(token.text, kind) : lookup(context.network, kind, token.text)),
		candidates: (context) => (context.network === undefined ? [] : idsOf(context.network, kind)),
	});
}

function checkIdSyntax(text: string, kind: EntityKind): Read<string> {
	if (text === INTERNET && kind === 'attachable-subnet') return ok(text);
	return idSchema.safeParse(text).success ? ok(text) : bad(`'${text}' is not a valid id`, `the id of a ${kindLabel(kind)}`);
}

/** Finds an entity of a kind by id, or explains what is wrong with the name. */
export function lookup(network: Network, kind: EntityKind, text: string): Read<string> {
	const candidates = idsOf(network, kind);
	if (candidates.includes(text)) return ok(text);
	return bad(...missing(network, kind, text, candidates));
}

/** The message, expectation and suggestion for a name that is not an entity of `kind`. */
export function missing(network: Network, kind: EntityKind, text: string, candidates: readonly string[]): [string, string, string | undefined] {
	const label = kindLabel(kind);
	const expected = `the id of a ${label}`;
	const other = whatIs(network, text);
	if (other !== undefined) {
		const suggestion = nearest(text, candidates);
		return [`'${text}' is a ${other}, not a ${label}${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`}`, expected, suggestion];
	}
	const suggestion = nearest(text, candidates);
	if (suggestion !== undefined) return [`no ${label} named '${text}' — did you mean '${suggestion}'?`, expected, suggestion];
	if (candidates.length === 0) return [`no ${label} named '${text}': there is no ${label} yet`, expected, undefined];
	const shown = candidates.slice(0, 6).join(', ') + (candidates.length > 6 ? ', …' : '');
	return [`no ${label} named '${text}' (${kindPlural(kind)} here: ${shown})`, expected, undefined];
}

/** Any id in the network (for `show <id>`), suggested across every kind. */
export function anyRef<const N extends string>(name: N, label: string, extraWords: readonly string[]): Param<N, string, false> {
	return param<N, string>(name, {
		label,
		expected: `one of ${extraWords.join(', ')} or the id of anything in the network`,
		read: (token, context) => {
			const lower = token.text.toLowerCase();
			if (extraWords.includes(lower)) return ok(lower);
			if (context.network === undefined || allIds(context.network).includes(token.text)) return ok(token.text);
			const suggestion = nearest(token.text, [...extraWords, ...allIds(context.network)]);
			return bad(
				`nothing named '${token.text}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`}`,
				`one of ${extraWords.join(', ')} or an id`,
				suggestion,
			);
		},
		candidates: (context) => [...extraWords, ...(context.network === undefined ? [] : allIds(context.network))],
	});
}
