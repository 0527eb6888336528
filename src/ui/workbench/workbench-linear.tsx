import React from 'react';
import {Box, Static} from 'ink';
import type {SessionState} from '../../game/types.js';
import {Lines} from '../text/lines.js';
import type {StyledLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';
import {ConsolePrompt} from './console/console-prompt.js';
import type {ConsoleState} from './console/use-console-state.js';
import {goalLines} from './goal-lines.js';
import {entryLines} from './log-lines.js';

/** Props of the screen-reader workbench. */
export type WorkbenchLinearProps = {
	readonly session: SessionState;
	readonly sandbox: boolean;
	readonly console: ConsoleState;
	readonly header: StyledLine;
	readonly footer: StyledLine;
	readonly goalCursor?: number;
	readonly width: number;
};

/**
 * The workbench for screen readers: the output log is written once, as a
 * transcript (Ink's `<Static>`), and only the goals (in words) and the
 * prompt are redrawn.
 */
export function WorkbenchLinear({session, sandbox, console: prompt, header, footer, goalCursor, width}: WorkbenchLinearProps): React.JSX.Element {
	const goals = session.report.goals;
	const goalRows = sandbox ? [] : goalLines(goals, width, goals.length + 1, {style: 'words', cursor: goalCursor, definitions: session.level.goals});
	const entries = session.log.map((entry, index) => ({entry, index}));
	return (
		<Box flexDirection="column">
			<Static items={entries}>{({entry, index}) => <Lines key={index} lines={entryLines(entry, width)} />}</Static>
			<Lines lines={[header, ...goalRows]} />
			<ConsolePrompt state={prompt} width={width} row={1 + goalRows.length} focused={goalCursor === undefined} label="Command:" />
			<Lines lines={wrapLine(footer, width, 2)} />
		</Box>
	);
}
