import {useCallback, useRef} from 'react';
import {useInput} from 'ink';
import {type KeyContext, routeKey} from './key-router.js';

/**
 * Subscribes one key handler for the whole app, once: it routes every key
 * with the context of the latest render (and the state of `getState`, newer
 * still), so no key is lost or misread while screens change.
 */
export function useKeyRouter(context: KeyContext): void {
	const latest = useRef(context);
	latest.current = context;
	useInput(
		useCallback((input, key) => {
			routeKey(input, key, latest.current);
		}, []),
	);
}
