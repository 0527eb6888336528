import type {Catalog} from '../../levels/load.js';
import type {LevelProblem} from '../../levels/problem.js';
import {sanitizeText} from '../../levels/sanitize.js';
import type {Level} from '../../levels/schema.js';
import type {LevelProgress} from '../../store/progress.js';

/**
 * The campaign map as a list of items (pure): the built-in campaign by
 * chapter, then every other pack, broken levels with their first problem,
 * and the sandbox. Only levels, broken levels and the sandbox can be selected.
 */

/** One row of the map. */
export type MapItem =
	| {readonly kind: 'heading'; readonly text: string; readonly detail?: string; readonly level: 1 | 2}
	| {
			readonly kind: 'level';
			readonly level: Level;
			readonly hash: string;
			readonly progress?: LevelProgress;
			readonly recommended: boolean;
	  }
	| {readonly kind: 'broken'; readonly file: string; readonly title: string; readonly problem?: LevelProblem; readonly count: number}
	| {readonly kind: 'problem'; readonly problem: LevelProblem}
	| {readonly kind: 'sandbox'};

/** Whether the cursor may rest on an item. */
export function isSelectable(item: MapItem): boolean {
	return item.kind === 'level' || item.kind === 'broken' || item.kind === 'sandbox';
}

/**
 * A file's path from its pack's folder (the heading names the folder), or the
 * path as given when it lies elsewhere; as text safe to show (a file name may
 * hold escape sequences).
 */
function insideDir(dir: string, file: string): string {
	for (const separator of ['/', '\\']) {
		const prefix = dir.endsWith(separator) ? dir : dir + separator;
		if (file.startsWith(prefix)) return sanitizeText(file.slice(prefix.length));
	}
	return sanitizeText(file);
}

/** Builds the map. `progressOf` reads the store; `recommended` is the id of the next level to play. */
export function buildMapItems(
	catalog: Catalog,
	progressOf: (id: string) => LevelProgress | undefined,
	recommended: string | undefined,
): MapItem[] {
	const items: MapItem[] = [];
	for (const pack of catalog.packs) {
		const campaign = pack.source === 'built-in';
		items.push({kind: 'heading', text: campaign ? 'Campaign' : pack.title, detail: campaign ? undefined : `${pack.source} · ${sanitizeText(pack.dir)}`, level: 1});
		let chapter: string | undefined;
		for (const entry of pack.levels) {
			if (!entry.ok) {
				const file = insideDir(pack.dir, entry.file);
				const first = entry.problems[0];
				const problem = first && {...first, file: insideDir(pack.dir, first.file)};
				items.push({kind: 'broken', file, title: entry.title ?? entry.id ?? file, ...(problem ? {problem} : {}), count: entry.problems.length});
				continue;
			}
			if (entry.level.chapter !== chapter) {
				chapter = entry.level.chapter;
				items.push({kind: 'heading', text: chapter, level: 2});
			}
			const progress = progressOf(entry.level.id);
			items.push({
				kind: 'level',
				level: entry.level,
				hash: entry.hash,
				...(progress ? {progress} : {}),
				recommended: entry.level.id === recommended,
			});
		}
		if (pack.levels.length === 0) items.push({kind: 'heading', text: '(no levels in this folder)', level: 2});
	}
	for (const problem of catalog.problems) items.push({kind: 'problem', problem});
	items.push({kind: 'sandbox'});
	return items;
}

/** Solved levels and stars over every playable level of the map. */
export type MapProgress = {readonly solved: number; readonly total: number; readonly stars: number; readonly maxStars: number};

/** Totals for the map's header. */
export function mapProgress(items: readonly MapItem[]): MapProgress {
	const levels = items.filter((item) => item.kind === 'level');
	return {
		solved: levels.filter((item) => item.progress?.solved).length,
		total: levels.length,
		stars: levels.reduce((sum, item) => sum + (item.progress?.stars ?? 0), 0),
		maxStars: levels.length * 3,
	};
}

/** Indexes of the selectable items, in order. */
export function selectableIndexes(items: readonly MapItem[]): number[] {
	return items.flatMap((item, index) => (isSelectable(item) ? [index] : []));
}

/** The item index the cursor starts on: the recommended level, else the first selectable. */
export function initialCursor(items: readonly MapItem[], levelId?: string): number {
	const wanted = items.findIndex((item) => item.kind === 'level' && (levelId ? item.level.id === levelId : item.recommended));
	if (wanted >= 0) return wanted;
	return selectableIndexes(items)[0] ?? 0;
}

/** The selectable index `delta` steps from `cursor` (stays at the ends). */
export function moveCursor(items: readonly MapItem[], cursor: number, delta: number): number {
	const selectable = selectableIndexes(items);
	if (selectable.length === 0) return 0;
	let position = selectable.indexOf(cursor);
	if (position < 0) {
		// Off a selectable row: the first step lands on the nearest one in that direction.
		const ahead = selectable.findIndex((index) => index > cursor);
		position = delta > 0 ? (ahead < 0 ? selectable.length : ahead) - 1 : ahead < 0 ? selectable.length : ahead;
	}
	return selectable[Math.max(0, Math.min(selectable.length - 1, position + delta))]!;
}
