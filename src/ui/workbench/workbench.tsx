import React, {useMemo} from 'react';
import type {SessionState} from '../../game/types.js';
import {Frame} from '../frame.js';
import {type LayoutMode, type TerminalSize, workbenchGeometry} from '../layout.js';
import {Lines} from '../text/lines.js';
import {seg} from '../text/styled-line.js';
import {ConsolePrompt} from './console/console-prompt.js';
import type {ConsoleState} from './console/use-console-state.js';
import {goalSummaryLine} from './goal-lines.js';
import {headerLine} from './header-line.js';
import {logLines} from './log-lines.js';
import {logPanelLines} from './log-panel.js';
import {TopPanels} from './top-panels.js';
import {workbenchFooter} from './workbench-footer.js';
import {WorkbenchLinear} from './workbench-linear.js';

/** Props of the workbench. */
export type WorkbenchProps = {
	readonly session: SessionState;
	readonly sandbox: boolean;
	readonly console: ConsoleState;
	readonly focus: 'prompt' | 'goals';
	readonly goalCursor: number;
	readonly logScroll: number;
	readonly networkScroll: number;
	readonly notice?: string;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** The workbench: the network, the goals with live ✓/✗, the output log, the prompt and the keys. */
export function Workbench(props: WorkbenchProps): React.JSX.Element {
	const {session, sandbox, console: prompt, focus, mode} = props;
	const g = workbenchGeometry(props.size, mode);
	const linear = mode === 'linear';
	const header = headerLine(session, g.width, sandbox);
	const footer = workbenchFooter({candidates: prompt.candidates, notice: props.notice, focus, width: linear ? Number.MAX_SAFE_INTEGER : g.width});
	const goalCursor = focus === 'goals' ? props.goalCursor : undefined;
	// Typing redraws the screen on every key: lay the log out again only when it changes.
	const log = useMemo(() => (linear ? [] : logLines(session.log, g.width)), [linear, session.log, g.width]);
	if (linear) return <WorkbenchLinear session={session} sandbox={sandbox} console={prompt} header={header} footer={footer} goalCursor={goalCursor} width={g.width} />;
	const summary = sandbox ? [seg('Sandbox: nothing is graded', 'dim')] : goalSummaryLine(session.report.goals, g.width);
	return (
		<Frame size={props.size} linear={false}>
			{g.header > 0 && <Lines lines={[header]} />}
			{g.top > 0 && <TopPanels session={session} sandbox={sandbox} geometry={g} networkPage={props.networkScroll} goalCursor={goalCursor} />}
			{g.goalSummary > 0 && <Lines lines={[summary]} />}
			<Lines lines={logPanelLines(log, g.width, g.log, props.logScroll)} />
			<ConsolePrompt state={prompt} width={g.width} row={g.header + g.top + g.goalSummary + g.log} focused={focus === 'prompt'} />
			{g.footer > 0 && <Lines lines={[footer]} />}
		</Frame>
	);
}
