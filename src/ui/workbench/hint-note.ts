import type {SessionState} from '../../game/types.js';
import type {Tone} from '../tone.js';

/** What the goals panel says about hints (pure): the latest one revealed, or how to ask for one — nothing once every goal passes. */
export function hintNote(session: SessionState): {readonly hint?: string; readonly hintTone?: Tone} {
	const {hints} = session.level;
	const count = Math.min(session.hintsRevealed, hints.length);
	const latest = count > 0 ? hints[count - 1] : undefined;
	if (session.report.solved) return {};
	if (latest === undefined) return {hint: 'Stuck? Type hint for a nudge (a hint costs the no-hints star).', hintTone: 'dim'};
	return {hint: `Hint ${count} of ${hints.length}: ${latest}`, hintTone: 'warn'};
}
