import {isSandbox} from './sandbox.js';
import {withLog} from './session-log.js';
import {computeStars, starGlyphs, starLines} from './stars.js';
import type {SessionState} from './types.js';

/**
 * Completion. The first time every goal passes, the session records the
 * stars earned (`completed`) and says so. It stays set whatever follows;
 * when a later network solves the level for more stars (the player tightened
 * a firewall after the goals passed, or reset and solved it within par),
 * `completed` is raised to the better result and the log says so; so it is
 * when it solves the level for as many stars in fewer commands. It is never
 * lowered. The sandbox is never completed.
 */
export function completeIfSolved(state: SessionState, how: 'played' | 'restored'): SessionState {
	if (!state.report.solved || isSandbox(state.level)) return state;
	const earned = computeStars({
		commands: state.draft.length,
		par: state.par,
		hintsUsed: state.hintsRevealed,
		exposure: state.report.exposure.total,
		referenceExposure: state.referenceExposure,
	});
	const title = `"${state.level.title}" ${starGlyphs(earned.stars)}`;
	let headline: string;
	if (state.completed === undefined) {
		headline = how === 'restored' && state.draft.length > 0 ? `Your saved work already solves ${title}` : `Level solved: ${title}`;
	} else if (earned.stars > state.completed.stars) {
		headline = `Better: ${title}`;
	} else if (earned.stars === state.completed.stars && earned.commands < state.completed.commands) {
		headline = `Shorter: ${title} in ${earned.commands} command${earned.commands === 1 ? '' : 's'}`;
	} else {
		return state;
	}
	return withLog({...state, completed: earned}, {kind: 'success', lines: [headline, ...starLines(earned).slice(1)]});
}
