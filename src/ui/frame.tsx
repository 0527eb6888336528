import React, {type ReactNode} from 'react';
import {Box} from 'ink';
import type {TerminalSize} from './layout.js';
import {frameColumns, frameRows} from './layout.js';

/**
 * The box every screen draws in: the terminal's width and one row less than
 * its height, clipped — or, for screen readers (`linear`), plain flowing text.
 */
export function Frame({size, linear, children}: {readonly size: TerminalSize; readonly linear: boolean; readonly children: ReactNode}): React.JSX.Element {
	if (linear) return <Box flexDirection="column">{children}</Box>;
	return (
		<Box flexDirection="column" width={frameColumns(size)} height={frameRows(size)} overflow="hidden">
			{children}
		</Box>
	);
}
