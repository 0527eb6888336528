import type {SessionState} from '../../game/types.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import {textWidth} from '../text/width.js';

/**
 * The workbench's top row (pure): the level on the left (its chapter too when
 * there is room), the commands against par and the hints on the right.
 */
export function headerLine(session: SessionState, width: number, sandbox: boolean): StyledLine {
	const {level} = session;
	// `completed` stays set once the level was solved; after an undo the network may fail again, so say which.
	const solvedNow = session.report.solved && session.completed !== undefined;
	const status = solvedNow ? ' · solved' : session.completed ? ' · solved earlier' : '';
	const facts = sandbox
		? `commands ${session.draft.length}`
		: `commands ${session.draft.length} · par ${session.par} · hints ${session.hintsRevealed}/${level.hints.length}${status}`;
	const title = sandbox ? 'Sandbox' : level.title;
	const chapter = sandbox ? '' : ` · ${level.chapter}`;
	const right = seg(facts, solvedNow ? 'ok' : 'dim');
	for (const left of [[seg(title, 'title'), seg(chapter, 'dim')], [seg(title, 'title')]]) {
		const gap = width - textWidth(title + (left.length > 1 ? chapter : '')) - textWidth(facts);
		if (gap >= 2) return [...left, seg(' '.repeat(gap)), right];
	}
	const room = width - textWidth(facts) - 2;
	if (room >= 8) return [...truncateLine([seg(title, 'title')], room), seg('  '), right];
	return truncateLine([seg(title, 'title'), seg('  '), right], width);
}
