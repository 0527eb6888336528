import React from 'react';
import {Box, Text, useCursor} from 'ink';
import {cellText} from '../../text/width.js';
import {Paint} from '../../theme.js';
import {promptViewport} from './prompt-viewport.js';
import type {ConsoleState} from './use-console-state.js';

/** Props of the prompt. */
export type ConsolePromptProps = {
	readonly state: ConsoleState;
	readonly width: number;
	/** The prompt's row from the top of the app's output, to place the terminal cursor. */
	readonly row: number;
	readonly focused: boolean;
	/** Screen readers: label the prompt in words. */
	readonly label?: string;
};

const SIGN = '› ';

/** The command prompt: one row, the real terminal cursor at the insertion point. */
export function ConsolePrompt({state, width, row, focused, label}: ConsolePromptProps): React.JSX.Element {
	const prefix = label ? `${label} ` : SIGN;
	const view = promptViewport(state.text, state.cursor, Math.max(2, width - prefix.length));
	const {setCursorPosition} = useCursor();
	const column = prefix.length + view.cursorColumn;
	// Ink applies the position when this render commits (and hides the cursor on unmount).
	setCursorPosition(focused ? {x: column, y: row} : undefined);
	return (
		<Box height={1}>
			<Text wrap="truncate-end">
				<Paint tone={focused ? 'accent' : 'dim'}>{view.clippedLeft ? '…' + prefix.slice(1) : prefix}</Paint>
				{cellText(view.text)}
			</Text>
		</Box>
	);
}
