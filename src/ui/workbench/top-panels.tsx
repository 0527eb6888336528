import React, {useMemo} from 'react';
import {Box} from 'ink';
import type {SessionState} from '../../game/types.js';
import type {WorkbenchGeometry} from '../layout.js';
import {fitRows} from '../text/fit.js';
import {Lines} from '../text/lines.js';
import {type StyledLine, seg} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';
import {goalLines} from './goal-lines.js';
import {hintNote} from './hint-note.js';
import {networkPanelLines} from './network-view.js';

/** Props of the workbench's top area. */
export type TopPanelsProps = {
	readonly session: SessionState;
	readonly sandbox: boolean;
	readonly geometry: WorkbenchGeometry;
	readonly networkPage: number;
	/** The goal being picked (Ctrl+G), if any. */
	readonly goalCursor?: number;
};

const SANDBOX_TIPS = ['help', 'show', 'curl <from> <url>', 'traceroute <from> <to>', 'dig <name>', 'undo · reset'];

function sandboxLines(width: number): StyledLine[] {
	return [
		...wrapLine([seg('Sandbox', 'title'), seg(': nothing is graded. Change anything, then look where packets go.', 'dim')], width, 2),
		[],
		[seg('Try', 'strong')],
		...SANDBOX_TIPS.map((tip): StyledLine => [seg(`  ${tip}`, 'accent')]),
	];
}

/** The network drawing on the left, the goals (and the latest hint) on the right. */
export function TopPanels({session, sandbox, geometry: g, networkPage, goalCursor}: TopPanelsProps): React.JSX.Element {
	const network = useMemo(() => networkPanelLines(session.network, g.networkWidth - 1, g.top, networkPage), [session.network, g.networkWidth, g.top, networkPage]);
	const goals = sandbox ? sandboxLines(g.goalsWidth) : goalLines(session.report.goals, g.goalsWidth, g.top, {cursor: goalCursor, definitions: session.level.goals, ...hintNote(session)});
	return (
		<Box flexDirection="row" height={g.top}>
			<Box width={g.networkWidth} height={g.top} overflow="hidden">
				<Lines lines={fitRows(network, g.top)} />
			</Box>
			<Box width={1} height={g.top}>
				<Lines lines={fitRows([], g.top).map(() => [seg('│', 'dim')])} />
			</Box>
			<Box width={g.goalsWidth} height={g.top} overflow="hidden">
				<Lines lines={fitRows(goals, g.top)} />
			</Box>
		</Box>
	);
}
