import {useCallback, useRef, useState} from 'react';

/**
 * `useReducer` whose latest state can be read at once: `dispatch` runs the
 * reducer immediately (once) and `getState` returns the result before React
 * has re-rendered. Key handlers need this — several keys of one input chunk
 * arrive before the next render, and each must see what the one before did.
 */
export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, () => S] {
	const ref = useRef<{state: S} | undefined>(undefined);
	ref.current ??= {state: init()};
	const [state, setState] = useState(ref.current.state);
	const dispatch = useCallback(
		(action: A) => {
			const box = ref.current!;
			box.state = reducer(box.state, action);
			setState(box.state);
		},
		[reducer],
	);
	const getState = useCallback(() => ref.current!.state, []);
	return [state, dispatch, getState];
}
