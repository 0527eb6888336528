import {useLayoutEffect, useState} from 'react';
import {useStdout} from 'ink';
import {type TerminalSize, terminalSize} from './layout.js';

/** The terminal's size, following resizes (`resize` on stdout); 80×24 when unknown. */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => terminalSize(stdout));
	useLayoutEffect(() => {
		const onResize = (): void => {
			const next = terminalSize(stdout);
			setSize((previous) => (previous.columns === next.columns && previous.rows === next.rows ? previous : next));
		};
		// The size may have changed between the first render and this subscription.
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}

