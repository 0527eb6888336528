import type {Key} from 'ink';

/** What a key does on the map. */
export type MapIntent =
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'open'}
	/** Repair mode on a solved level. */
	| {readonly type: 'repair'}
	| {readonly type: 'help'}
	| {readonly type: 'quit'};

/** Maps a key on the map to an intent: ↑/↓ (k/j), PgUp/PgDn, Home/End, Enter, ?, q. */
export function mapKeyIntent(input: string, key: Key): MapIntent | undefined {
	if (key.upArrow || input === 'k') return {type: 'move', delta: -1};
	if (key.downArrow || input === 'j') return {type: 'move', delta: 1};
	if (key.pageUp) return {type: 'move', delta: -10};
	if (key.pageDown) return {type: 'move', delta: 10};
	if (key.home) return {type: 'move', delta: -10_000};
	if (key.end) return {type: 'move', delta: 10_000};
	if (key.return || input === ' ') return {type: 'open'};
	if (input === 'r') return {type: 'repair'};
	if (input === '?') return {type: 'help'};
	if (input === 'q') return {type: 'quit'};
	return undefined;
}
