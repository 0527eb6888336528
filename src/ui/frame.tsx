import React, {type ReactNode} from 'react';
import {Box} from 'ink';
import type {TerminalSize} from './layout.js';
import {frameColumns, frameRows} from './layout.js';

/**
 * The box every screen draws in: the terminal's width and one row less than
 * its height, clipped — or, for screen readers (`linear`), plain flowing text.
 * `clip={false}` is for content known to fit (rows cut to width, no more rows
 * than the frame has): Ink then writes it as it is instead of cutting every
 * row to the frame, which costs a pass over each row's text.
 */
export function Frame({size, linear, clip = true, children}: {readonly size: TerminalSize; readonly linear: boolean; readonly clip?: boolean; readonly children: ReactNode}): React.JSX.Element {
	if (linear) return <Box flexDirection="column">{children}</Box>;
	return (
		<Box flexDirection="column" width={frameColumns(size)} height={frameRows(size)} overflow={clip ? 'hidden' : 'visible'}>
			{children}
		</Box>
	);
}
