import {keyHintLine} from '../key-hints.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';

/** The workbench's bottom row: completion candidates, else a notice, else the keys (pure). */
export function workbenchFooter(options: {
	readonly candidates: readonly string[];
	readonly notice?: string;
	readonly focus: 'prompt' | 'goals';
	readonly width: number;
}): StyledLine {
	const {candidates, notice, focus, width} = options;
	if (candidates.length > 0) return truncateLine([seg('Tab ', 'key'), seg(candidates.join('  '), 'accent')], width);
	if (notice) return truncateLine([seg(notice, 'warn')], width);
	if (focus === 'goals') return keyHintLine([['↑/↓', 'pick a goal'], ['Enter', 'trace it'], ['Esc', 'back to the prompt']], width);
	return keyHintLine(
		[
			['Enter', 'run'],
			['Tab', 'complete', 'optional'],
			['↑/↓', 'history', 'optional'],
			['^G', 'goals'],
			['^T', 'trace'],
			['^O', 'map'],
			['PgUp/PgDn', 'log', 'optional'],
			['^N', 'network', 'optional'],
			['?', 'help'],
			// Esc leads back to the briefing and the map, where q quits: the way out is never cut.
			['Esc', 'back'],
			['^C', 'quit'],
		],
		width,
	);
}
