import {nextLevel} from '../game/campaign.js';
import {SANDBOX_ID} from '../game/sandbox-id.js';
import {levelHash} from '../levels/hash.js';
import type {Catalog, PlayableEntry} from '../levels/catalog.js';
import type {Level} from '../levels/schema.js';
import type {ProgressStore} from '../store/progress.js';
import {levelIds} from './map/map-model.js';
import type {AppAction} from './use-app-state.js';

/**
 * Choosing levels (pure over the catalog and a store's reads): the action
 * that opens one with its saved work, and the level to offer next.
 */

function playable(catalog: Catalog, id: string): PlayableEntry | undefined {
	for (const pack of catalog.packs) {
		for (const entry of pack.levels) if (entry.ok && entry.level.id === id) return entry;
	}
	return undefined;
}

/**
 * The action that opens a level's briefing (`sandbox` included, made by
 * `sandboxLevel`) with its saved draft and hints; a notice when there is no
 * such level.
 */
export function openLevelAction(catalog: Catalog, store: Pick<ProgressStore, 'getLevel'>, id: string, sandboxLevel: () => Level): AppAction {
	const progress = store.getLevel(id);
	const saved = {draft: progress?.draft ?? [], hintsUsed: progress?.hintsUsed ?? 0};
	if (id === SANDBOX_ID) {
		const level = sandboxLevel();
		return {type: 'open-level', level, hash: levelHash(level), sandbox: true, saved};
	}
	const entry = playable(catalog, id);
	if (!entry) return {type: 'notice', text: `There is no playable level "${id}": pick one from the map.`};
	return {type: 'open-level', level: entry.level, hash: entry.hash, saved};
}

/** The level to offer after `currentId`: the first unsolved one after it in order, then from the start. */
export function levelAfter(catalog: Catalog, store: Pick<ProgressStore, 'allLevels'>, currentId: string | undefined): PlayableEntry | undefined {
	const ids = levelIds(catalog);
	const at = currentId === undefined ? -1 : ids.indexOf(currentId);
	const order = at < 0 ? ids : [...ids.slice(at + 1), ...ids.slice(0, at)];
	const id = nextLevel(order, store.allLevels());
	return id === undefined ? undefined : playable(catalog, id);
}
