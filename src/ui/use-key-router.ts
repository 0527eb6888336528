import {useCallback, useEffect, useRef} from 'react';
import {type Key, useInput} from 'ink';
import {type KeyContext, routeKey} from './key-router.js';
import type {AppState} from './use-app-state.js';
import type {MapItem} from './map/map-items.js';

/** The key context, and whether the game's parts (game-parts.ts) have arrived. */
export type KeyRouterContext = KeyContext & {readonly ready: boolean};

/**
 * Whether a key may need the game's parts: anything but a single key on the
 * map (moving, help, quitting, opening a level's briefing) — Enter on the
 * sandbox makes the sandbox's level, which comes with the parts. Conservative:
 * a chunk of several keys waits too.
 */
function needsParts(state: AppState, items: readonly MapItem[], input: string, key: Key): boolean {
	if (state.screen !== 'map' || input.length > 1) return true;
	return key.return && !state.help && items[state.mapCursor]?.kind === 'sandbox';
}

/**
 * Subscribes one key handler for the whole app, once: it routes every key
 * with the context of the latest render (and the state of `getState`, newer
 * still), so no key is lost or misread while screens change. Until the game's
 * parts are ready, keys that may need them wait, and every key after a
 * waiting one too (their order is kept); they are routed as soon as the parts
 * arrive.
 */
export function useKeyRouter(context: KeyRouterContext): void {
	const latest = useRef(context);
	latest.current = context;
	const waiting = useRef<[string, Key][]>([]);
	const flush = useCallback(() => {
		while (waiting.current.length > 0) {
			const [input, key] = waiting.current.shift()!;
			routeKey(input, key, latest.current);
		}
	}, []);
	useInput(
		useCallback((input, key) => {
			const now = latest.current;
			// Behind a waiting key, every key waits: the order they were typed in is kept.
			if (waiting.current.length > 0 || (!now.ready && needsParts(now.getState(), now.items, input, key))) {
				waiting.current.push([input, key]);
				if (now.ready) flush();
				return;
			}
			routeKey(input, key, now);
		}, [flush]),
	);
	useEffect(() => {
		if (context.ready) flush();
	}, [context.ready, flush]);
}
