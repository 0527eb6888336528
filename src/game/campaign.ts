/**
 * The campaign: which level comes next and how far the player has got.
 * Works on any progress record shaped like the store's `LevelProgress`
 * (the game layer does not import the store).
 */

/** What the campaign needs to know about one level's progress. */
export type LevelStanding = {
	readonly solved: boolean;
	readonly stars: number;
	/** Work in progress (a level with a draft counts as started). */
	readonly draft?: readonly string[];
};

/** Progress by level id; levels never opened are missing. */
export type CampaignProgress = Readonly<Record<string, LevelStanding | undefined>>;

/** A level's status in a listing. */
export type LevelStatus = 'solved' | 'started' | 'new';

/** Overall figures for the catalog in play. */
export type CampaignSummary = {
	/** Levels in the catalog. */
	readonly total: number;
	/** Catalog levels solved. */
	readonly solved: number;
	/** Stars earned on catalog levels. */
	readonly stars: number;
	/** Three per catalog level. */
	readonly maxStars: number;
	/** Every catalog level solved (false for an empty catalog). */
	readonly complete: boolean;
	/** The first unsolved level in catalog order, if any. */
	readonly next?: string;
};

/** The progress of one level, ignoring anything inherited from Object.prototype. */
function standing(progress: CampaignProgress, id: string): LevelStanding | undefined {
	return Object.hasOwn(progress, id) ? progress[id] : undefined;
}

/** The first level of the catalog, in order, that is not solved; undefined when all are. */
export function nextLevel(catalogLevelIds: readonly string[], progress: CampaignProgress): string | undefined {
	return catalogLevelIds.find((id) => standing(progress, id)?.solved !== true);
}

/** Solved; started (not solved, with a saved draft); or new. */
export function levelStatus(id: string, progress: CampaignProgress): LevelStatus {
	const level = standing(progress, id);
	if (level === undefined) return 'new';
	if (level.solved) return 'solved';
	return (level.draft?.length ?? 0) > 0 ? 'started' : 'new';
}

/** Figures for the catalog only (progress on levels no longer in the catalog is not counted). */
export function campaignSummary(catalogLevelIds: readonly string[], progress: CampaignProgress): CampaignSummary {
	const ids = [...new Set(catalogLevelIds)];
	let solved = 0;
	let stars = 0;
	for (const id of ids) {
		const level = standing(progress, id);
		if (level?.solved) solved++;
		stars += Math.max(0, Math.min(3, level?.stars ?? 0));
	}
	const next = nextLevel(ids, progress);
	return {
		total: ids.length,
		solved,
		stars,
		maxStars: ids.length * 3,
		complete: ids.length > 0 && solved === ids.length,
		...(next === undefined ? {} : {next}),
	};
}
