import {formatProblem} from '../../levels/problem.js';
import {windowAround} from '../scroll-window.js';
import type {Tone} from '../tone.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import type {MapItem, MapProgress} from './map-items.js';

/**
 * The campaign map laid out as styled lines (pure), windowed to the rows
 * available with the selected row kept in view.
 */

/** `★★☆`, or words for screen readers. */
export function starsText(stars: number, words = false): string {
	const count = Math.max(0, Math.min(3, stars));
	if (words) return `${count} of 3 stars`;
	return '★'.repeat(count) + '☆'.repeat(3 - count);
}

function itemLines(item: MapItem, selected: boolean, width: number, words: boolean): StyledLine[] {
	const cursor = seg(selected ? '› ' : '  ', selected ? 'selected' : undefined);
	const pick = (fallback?: Tone): Tone | undefined => (selected ? 'selected' : fallback);
	switch (item.kind) {
		case 'heading':
			return item.level === 1
				? [[seg(item.text, 'title'), seg(item.detail ? `  ${item.detail}` : '', 'dim')]]
				: [[seg(` ${item.text}`, 'strong')]];
		case 'level': {
			const solved = item.progress?.solved ?? false;
			const status = words ? (solved ? 'solved, ' : item.progress?.draft.length ? 'in progress, ' : '') : solved ? '✓ ' : item.progress?.draft.length ? '… ' : '  ';
			const stars = words ? (solved ? `${starsText(item.progress?.stars ?? 0, true)}, ` : '') : `${starsText(item.progress?.stars ?? 0)} `;
			return [
				truncateLine(
					[
						cursor,
						seg(status, solved ? 'ok' : 'dim'),
						seg(stars, 'warn'),
						seg(item.level.title, pick(item.recommended ? 'strong' : undefined)),
						seg(item.recommended ? (words ? ' (recommended next)' : '  ◆ next') : '', 'accent'),
					],
					width,
				),
			];
		}
		case 'broken':
			return [
				truncateLine([cursor, seg(words ? 'broken: ' : '✗ ', 'bad'), seg(item.title, pick('bad')), seg(' (cannot be played)', 'dim')], width),
				truncateLine([seg('      '), seg(item.problem ? formatProblem(item.problem) : 'unreadable', 'dim')], width),
			];
		case 'problem':
			return [truncateLine([seg('  ⚠ ', 'warn'), seg(formatProblem(item.problem), 'warn')], width)];
		case 'sandbox':
			return [[seg(' ')], truncateLine([cursor, seg('Sandbox', pick('title')), seg(' — a free network with every command', 'dim')], width)];
	}
}

/** `Solved 3/12 · ★ 7/36`. */
export function progressText(progress: MapProgress): string {
	return `Solved ${progress.solved}/${progress.total} · ★ ${progress.stars}/${progress.maxStars}`;
}

/** The map's list rows for `height` rows with the item at `cursor` in view. */
export function mapLines(items: readonly MapItem[], cursor: number, width: number, height: number, words = false): StyledLine[] {
	const lines: StyledLine[] = [];
	let cursorLine = 0;
	items.forEach((item, index) => {
		if (index === cursor) cursorLine = lines.length + (item.kind === 'sandbox' ? 1 : 0);
		lines.push(...itemLines(item, index === cursor, width, words));
	});
	const window = windowAround(lines.length, cursorLine, height);
	return lines.slice(window.start, window.end);
}
