import {nextLevel} from '../../game/campaign.js';
import type {Catalog} from '../../levels/catalog.js';
import type {ProgressStore} from '../../store/progress.js';
import {buildMapItems, type MapItem} from './map-items.js';

/** Playable level ids in play order (campaign, then packs). */
export function levelIds(catalog: Catalog): string[] {
	return catalog.packs.flatMap((pack) => pack.levels.flatMap((entry) => (entry.ok ? [entry.level.id] : [])));
}

/** The map's items as the store has them now: every level with its progress, the next one to play recommended. */
export function mapItemsOf(catalog: Catalog, store: Pick<ProgressStore, 'getLevel' | 'allLevels'>): MapItem[] {
	return buildMapItems(catalog, (id) => store.getLevel(id), nextLevel(levelIds(catalog), store.allLevels()));
}
