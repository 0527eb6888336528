import {formatProblem} from '../../levels/problem.js';
import {type StyledLine, seg} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';
import type {MapItem} from './map-items.js';

/** What the map says about the selected item, wrapped to `width` (pure). */
export function mapDetailLines(item: MapItem | undefined, width: number): StyledLine[] {
	if (!item) return [];
	switch (item.kind) {
		case 'level': {
			const progress = item.progress;
			const status = progress?.solved
				? `solved with ${progress.stars} star${progress.stars === 1 ? '' : 's'}${progress.bestCommands === undefined ? '' : ` in ${progress.bestCommands} command${progress.bestCommands === 1 ? '' : 's'}`}`
				: progress?.draft.length
					? `in progress: ${progress.draft.length} command${progress.draft.length === 1 ? '' : 's'} saved`
					: 'not started';
			// A solved level can be played again broken: repair mode (r).
			const repair = progress?.solved ? [seg('r: repair mode, one fault in your solved network · ', 'accent')] : [];
			return wrapLine([seg(`${item.level.chapter} · ${status} · `, 'dim'), ...repair, seg(item.level.objective)], width, 0);
		}
		case 'broken':
			return wrapLine(
				[seg(`${item.count} problem${item.count === 1 ? '' : 's'}; netquest validate lists them all. First: `, 'dim'), seg(item.problem ? formatProblem(item.problem) : 'unreadable', 'bad')],
				width,
				0,
			);
		case 'sandbox':
			return wrapLine([seg('Build anything with every command; nothing is graded and no stars are earned.', 'dim')], width, 0);
		case 'heading':
		case 'problem':
			return [];
	}
}
