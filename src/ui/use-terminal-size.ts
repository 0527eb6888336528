import {useLayoutEffect, useState} from 'react';
import {useStdout} from 'ink';
import type {TerminalSize} from './layout.js';

/** The terminal's size, following resizes (`resize` on stdout); 80×24 when unknown. */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useLayoutEffect(() => {
		const onResize = (): void => {
			const next = sizeOf(stdout);
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

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}
