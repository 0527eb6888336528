import type {Key} from 'ink';

/** What a key does on the briefing. */
export type BriefingIntent =
	| {readonly type: 'start'}
	| {readonly type: 'back'}
	| {readonly type: 'scroll'; readonly delta: number}
	| {readonly type: 'help'}
	| {readonly type: 'quit'};

/** Enter starts, Esc goes back to the map, ↑/↓ and PgUp/PgDn scroll, ? help, q quit. */
export function briefingKeyIntent(input: string, key: Key): BriefingIntent | undefined {
	if (key.return || input === ' ') return {type: 'start'};
	if (key.escape || key.leftArrow) return {type: 'back'};
	if (key.upArrow || input === 'k') return {type: 'scroll', delta: -1};
	if (key.downArrow || input === 'j') return {type: 'scroll', delta: 1};
	if (key.pageUp) return {type: 'scroll', delta: -10};
	if (key.pageDown) return {type: 'scroll', delta: 10};
	if (input === '?') return {type: 'help'};
	if (input === 'q') return {type: 'quit'};
	return undefined;
}
