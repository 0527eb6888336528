import type {ColorSetting, LevelProgress, Settings} from './progress.js';

/**
 * The progress file's format, version by version, and how to read any of
 * them into the current shape. Reading never throws: what cannot be used is
 * reported as a problem, and whatever can be salvaged is kept.
 *
 * Version 1 (current):
 * `{"formatVersion": 1, "writtenBy": "netquest 0.1.0", "levels": {"<id>": LevelProgress}, "settings": {"color": "auto"}}`
 * Keys this build does not know (at the top, in a level, in the settings) are
 * kept as they are when the file is rewritten (`progressToFile`'s `previous`):
 * a newer netquest of the same format may have added them.
 *
 * Version 0 (netquest 0.x prototypes, no `formatVersion`):
 * `{"solved": {"<id>": {"stars": 2, "commands": 5}}, "drafts": {"<id>": ["…"]},
 *   "hints": {"<id>": 1}, "color": "auto"}`
 *
 * The checks are written by hand, not with zod: this module is on the first
 * frame's path, and zod alone costs ~25 ms of start-up (issue 7).
 */

/** The version of the progress file this build writes. */
export const PROGRESS_FORMAT_VERSION = 1;

/** Everything the progress file holds, in the current shape. */
export type ProgressData = {
	readonly levels: Readonly<Record<string, LevelProgress>>;
	readonly settings: Settings;
};

/** What reading a progress file gave. */
export type ReadProgress =
	/** Usable as is (`migrated`: it was a version 0 file). */
	| {readonly kind: 'ok'; readonly progress: ProgressData; readonly migrated: boolean}
	/** Partly or wholly unusable: `progress` is what could be salvaged; the file must be kept aside. */
	| {readonly kind: 'damaged'; readonly progress: ProgressData; readonly problem: string}
	/**
	 * Written by a newer netquest in a format this one does not know: it must be left untouched (never
	 * rewritten, never moved). `progress` is what could be read of it for display; `problem` names the writer.
	 */
	| {readonly kind: 'newer'; readonly progress: ProgressData; readonly problem: string};

/** The settings a new player starts with. */
export const DEFAULT_SETTINGS: Settings = {color: 'auto'};

/** Progress with nothing in it. */
export function emptyProgress(): ProgressData {
	return {levels: {}, settings: DEFAULT_SETTINGS};
}

/** The object itself if `data` is a JSON object (not an array), else undefined. Keeps every key, "__proto__" too. */
function asObject(data: unknown): Readonly<Record<string, unknown>> | undefined {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	return data as Record<string, unknown>;
}

/** The value of an own property (never one inherited from Object.prototype). */
function own(object: Readonly<Record<string, unknown>> | undefined, key: string): unknown {
	return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** `value`, or `fallback` if it is undefined (only undefined: null is a value, and a bad one). */
function withDefault(value: unknown, fallback: unknown): unknown {
	return value === undefined ? fallback : value;
}

/** A whole number within the safe integer range, from `min` to `max` (what zod's `.int().min().max()` accepted). */
function intInRange(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** A count: a whole number, 0 or more. */
function isCount(value: unknown): value is number {
	return intInRange(value, 0);
}

/** An array of strings only (a hole counts as undefined, so it is not one). */
function isStringArray(value: unknown): value is string[] {
	if (!Array.isArray(value)) return false;
	for (let index = 0; index < value.length; index++) if (typeof value[index] !== 'string') return false;
	return true;
}

const COLORS: readonly unknown[] = ['auto', 'always', 'never'] satisfies ColorSetting[];

/** One of the colour settings. */
function isColor(value: unknown): value is ColorSetting {
	return COLORS.includes(value);
}

/** The fields of a level before the optional ones left undefined are dropped. */
type LevelFields = Omit<LevelProgress, 'bestCommands' | 'levelHash' | 'draft'> & {
	readonly bestCommands: number | undefined;
	readonly draft: readonly string[];
	readonly levelHash?: string | undefined;
};

/** The level progress with no field left undefined that JSON would drop anyway, and a draft of its own. */
function cleanLevel(level: LevelFields): LevelProgress {
	return {
		solved: level.solved,
		stars: level.stars,
		...(level.bestCommands === undefined ? {} : {bestCommands: level.bestCommands}),
		hintsUsed: level.hintsUsed,
		draft: [...level.draft],
		...(level.levelHash === undefined ? {} : {levelHash: level.levelHash}),
	};
}

/**
 * One version 1 level entry, or undefined if it is not usable. A field that is
 * undefined takes its default; keys it does not know are dropped. Fields are
 * read as plain properties, as zod's z.object read them.
 */
function readLevel(data: unknown): LevelProgress | undefined {
	const object = asObject(data);
	if (object === undefined) return undefined;
	const {solved = false, stars = 0, bestCommands, hintsUsed = 0, draft = [], levelHash} = object;
	if (typeof solved !== 'boolean' || !intInRange(stars, 0, 3) || !isCount(hintsUsed) || !isStringArray(draft)) return undefined;
	if (bestCommands !== undefined && !isCount(bestCommands)) return undefined;
	if (levelHash !== undefined && typeof levelHash !== 'string') return undefined;
	return cleanLevel({solved, stars, bestCommands, hintsUsed, draft, levelHash});
}

/** Reads the `levels` map entry by entry, keeping the good ones and naming the bad. */
function readLevels(data: unknown): {levels: Record<string, LevelProgress>; bad: string[]} {
	const levels: [string, LevelProgress][] = [];
	const bad: string[] = [];
	if (data === undefined) return {levels: {}, bad};
	const record = asObject(data);
	if (record === undefined) return {levels: {}, bad: ['levels']};
	for (const [id, value] of Object.entries(record)) {
		const level = readLevel(value);
		if (level === undefined) bad.push(id);
		else levels.push([id, level]);
	}
	// fromEntries defines own properties: an id such as "__proto__" stays a plain key.
	return {levels: Object.fromEntries(levels), bad};
}

/** Reads the settings (absent or null: the defaults), falling back to the defaults for what is unusable. */
function readSettings(data: unknown): {settings: Settings; bad: boolean} {
	const object = asObject(data ?? {});
	const color = withDefault(object?.['color'], 'auto');
	return object !== undefined && isColor(color) ? {settings: {color}, bad: false} : {settings: DEFAULT_SETTINGS, bad: true};
}

/** Builds the verdict from the salvaged parts and the names of the parts that were not usable. */
function verdict(progress: ProgressData, bad: readonly string[], migrated: boolean): ReadProgress {
	if (bad.length === 0) return {kind: 'ok', progress, migrated};
	return {kind: 'damaged', progress, problem: `unreadable entries: ${bad.join(', ')}`};
}

/** A version 0 result (`{"stars": 2, "commands": 5}`): undefined if absent, 'bad' if not usable. */
function readV0Result(data: unknown): {stars: number; commands: number | undefined} | undefined | 'bad' {
	if (data === undefined) return undefined;
	const object = asObject(data);
	if (object === undefined) return 'bad';
	const {stars, commands} = object;
	if (!intInRange(stars, 0, 3) || (commands !== undefined && !isCount(commands))) return 'bad';
	return {stars, commands};
}

/** conf's bookkeeping key, present in every file conf wrote. */
const CONF_KEY = '__internal__';

/** Top-level keys that are not part of the format (they would be lost on the next write). */
function unknownKeys(object: Readonly<Record<string, unknown>>, known: readonly string[]): string[] {
	return Object.keys(object).filter((key) => key !== CONF_KEY && !known.includes(key));
}

/** Reads a version 0 object (see the module comment) into the current shape. */
export function migrateV0(data: Readonly<Record<string, unknown>>): ReadProgress {
	const bad: string[] = unknownKeys(data, ['solved', 'drafts', 'hints', 'color']);
	const part = (key: string): Readonly<Record<string, unknown>> | undefined => {
		const value = own(data, key);
		if (value === undefined) return undefined;
		const object = asObject(value);
		if (object === undefined) bad.push(key);
		return object;
	};
	const solved = part('solved');
	const drafts = part('drafts');
	const hints = part('hints');
	const ids = new Set([...Object.keys(solved ?? {}), ...Object.keys(drafts ?? {}), ...Object.keys(hints ?? {})]);
	const levels: [string, LevelProgress][] = [];
	for (const id of ids) {
		const result = readV0Result(own(solved, id));
		const draft = withDefault(own(drafts, id), []);
		const hintsUsed = withDefault(own(hints, id), 0);
		if (result === 'bad' || !isStringArray(draft) || !isCount(hintsUsed)) {
			bad.push(id);
			continue;
		}
		const level = cleanLevel({
			solved: result !== undefined,
			stars: result?.stars ?? 0,
			bestCommands: result?.commands,
			hintsUsed,
			draft,
		});
		levels.push([id, level]);
	}
	const color = own(data, 'color');
	const settings = readSettings(color === undefined ? {} : {color});
	if (settings.bad) bad.push('color');
	return verdict({levels: Object.fromEntries(levels), settings: settings.settings}, bad, true);
}

/** `value` as JSON for a message, or its type when it has none (a bigint, a cycle: never from JSON.parse). */
function quote(value: unknown): string {
	try {
		return JSON.stringify(value) ?? typeof value;
	} catch {
		return typeof value;
	}
}

/**
 * Reads parsed JSON of a progress file of any known version. A file that is
 * not an object, has an unknown `formatVersion`, or comes from a newer
 * netquest is `damaged` with empty progress; a file with some bad entries or
 * keys it does not know is `damaged` with the good entries kept.
 */
export function readProgressData(data: unknown): ReadProgress {
	const object = asObject(data);
	if (object === undefined) return {kind: 'damaged', progress: emptyProgress(), problem: 'it is not a progress object'};
	const version = own(object, 'formatVersion');
	if (version === undefined) return migrateV0(object);
	if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_FORMAT_VERSION) {
		const writer = own(object, 'writtenBy');
		const by = typeof writer === 'string' && writer.length <= 100 ? sanitizeName(writer) : 'a newer netquest';
		// What can be read of it is shown; nothing of it is ever written back.
		const levels = readLevels(own(object, 'levels')).levels;
		return {
			kind: 'newer',
			progress: {levels, settings: readSettings(own(object, 'settings')).settings},
			problem: `it was written by ${by} (progress format ${version}; this netquest reads format ${PROGRESS_FORMAT_VERSION})`,
		};
	}
	if (version !== PROGRESS_FORMAT_VERSION) {
		return {kind: 'damaged', progress: emptyProgress(), problem: `unknown progress format ${quote(version)}`};
	}
	const {levels, bad} = readLevels(own(object, 'levels'));
	const settings = readSettings(own(object, 'settings'));
	if (settings.bad) bad.push('settings');
	return verdict({levels, settings: settings.settings}, bad, false);
}

/** Reads the text of a progress file: JSON first, then `readProgressData`. */
export function readProgressText(text: string): ReadProgress {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {kind: 'damaged', progress: emptyProgress(), problem: 'it is not valid JSON (truncated or edited?)'};
	}
	return readProgressData(data);
}

/** A writer's name as it may be shown: control characters and what is not printable ASCII replaced. */
function sanitizeName(text: string): string {
	return text.replace(/[^\x20-\x7E]/gu, '?');
}

/** The keys of `object` that are not in `known` (and not conf's bookkeeping), with their values. */
function unknownFields(object: unknown, known: readonly string[]): Record<string, unknown> {
	const record = asObject(object);
	if (record === undefined) return {};
	return Object.fromEntries(unknownKeys(record, known).map((key) => [key, record[key]]));
}

const LEVEL_KEYS: readonly string[] = ['solved', 'stars', 'bestCommands', 'hintsUsed', 'draft', 'levelHash'];

/**
 * The current file shape of some progress (what is written to disk). With
 * `previous` (the file's parsed JSON as read just before), the keys this
 * build does not know are kept: at the top, in each level still present, and
 * in the settings. `writtenBy` names the writer (`netquest 0.1.0`).
 */
export function progressToFile(progress: ProgressData, previous?: unknown, writtenBy?: string): Record<string, unknown> {
	const before = asObject(previous);
	const formatIsCurrent = before !== undefined && own(before, 'formatVersion') === PROGRESS_FORMAT_VERSION;
	const top = formatIsCurrent ? unknownFields(before, ['formatVersion', 'writtenBy', 'levels', 'settings']) : {};
	const oldLevels = formatIsCurrent ? asObject(own(before, 'levels')) : undefined;
	const levels: [string, unknown][] = Object.entries(progress.levels).map(([id, level]) => [id, {...unknownFields(own(oldLevels, id), LEVEL_KEYS), ...level}]);
	const settings = {...(formatIsCurrent ? unknownFields(own(before, 'settings'), ['color']) : {}), ...progress.settings};
	return {
		...top,
		formatVersion: PROGRESS_FORMAT_VERSION,
		...(writtenBy === undefined ? {} : {writtenBy}),
		// fromEntries defines own properties: an id such as "__proto__" stays a plain key.
		levels: Object.fromEntries(levels),
		settings,
	};
}
