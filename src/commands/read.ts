import type {Param, Read} from './types.js';

/** The small constructors every argument reader uses. */

/** A successful read. */
export const ok = <V>(value: V): Read<V> => ({ok: true, value});
/** A failed read: the message, what was expected, and the nearest valid word. */
export const bad = (message: string, expected?: string, suggestion?: string): Read<never> => ({
	ok: false,
	message,
	...(expected === undefined ? {} : {expected}),
	...(suggestion === undefined ? {} : {suggestion}),
});

/** A required parameter from its parts (the builders in args.ts and refs.ts fill them in). */
export function param<const N extends string, V>(
	name: N,
	spec: Omit<Param<N, V, false>, 'name' | 'optional' | '__value'>,
): Param<N, V, false> {
	return {name, optional: false, ...spec};
}
