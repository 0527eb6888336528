import React from 'react';
import {sanitizeText} from '../levels/sanitize.js';
import {Briefing} from './briefing/briefing.js';
import type {RealWorldStep} from './complete/complete-lines.js';
import {LevelComplete} from './complete/level-complete.js';
import {HelpOverlay} from './help-overlay.js';
import {briefingStateOf} from './key-router.js';
import type {LayoutMode, TerminalSize} from './layout.js';
import {CampaignMap} from './map/campaign-map.js';
import type {MapItem} from './map/map-items.js';
import {TopologyView} from './topology/topology-view.js';
import {TraceView} from './trace-view/trace-view.js';
import type {AppState} from './use-app-state.js';
import {Workbench} from './workbench/workbench.js';

/** Props of the screen router. */
export type ScreenViewProps = {
	readonly state: AppState;
	readonly items: readonly MapItem[];
	/** Said on the map: the store's problems. */
	readonly warnings: readonly string[];
	readonly commandHelp: readonly string[];
	/** The current level's commands with their real-world equivalents. */
	readonly steps: readonly RealWorldStep[];
	/** The title of the level offered next. */
	readonly next?: string;
	/** Why progress is not on disk right now (the store's `saveProblem`): said on the workbench and level-complete screens. */
	readonly saveProblem?: string;
	readonly size: TerminalSize;
	readonly mode: LayoutMode;
};

/** The one line that says progress is not saved (the map says it in full). */
export function unsavedLine(problem: string): string {
	return `⚠ Progress not saved: ${sanitizeText(problem)}`;
}

/** Draws the screen the state is on (help over everything); the map when there is nothing else to show. */
export function ScreenView({state, items, warnings, commandHelp, steps, next, saveProblem, size, mode}: ScreenViewProps): React.JSX.Element {
	const common = {size, mode} as const;
	const {current} = state;
	const session = current?.session;
	if (state.help) return <HelpOverlay screen={state.screen} commandHelp={commandHelp} scroll={state.helpScroll} {...common} />;
	const briefing = briefingStateOf(state);
	if (state.screen === 'briefing' && current && briefing) return <Briefing level={current.level} state={briefing} scroll={state.pageScroll} {...common} />;
	if (state.screen === 'workbench' && current && session) {
		const {console: prompt, focus, goalCursor, logScroll, networkScroll} = state;
		const notice = state.notice ?? (saveProblem === undefined ? undefined : unsavedLine(saveProblem));
		return <Workbench session={session} sandbox={current.sandbox} {...{console: prompt, focus, goalCursor, logScroll, networkScroll, notice}} {...common} />;
	}
	if (state.screen === 'trace' && state.trace) return <TraceView state={state.trace} {...common} />;
	if (state.screen === 'topology' && state.topology && current && session) {
		return <TopologyView network={session.network} title={current.level.title} state={state.topology} {...common} />;
	}
	if (state.screen === 'complete' && current && session?.completed) {
		const warning = saveProblem === undefined ? {} : {warning: unsavedLine(saveProblem)};
		return <LevelComplete title={current.level.title} report={session.completed} steps={steps} next={next} scroll={state.pageScroll} {...warning} {...common} />;
	}
	return <CampaignMap items={items} cursor={state.mapCursor} warnings={state.notice ? [...warnings, state.notice] : warnings} {...common} />;
}
