import type {Key} from 'ink';

/** What a key does on the level-complete screen. */
export type CompleteIntent =
	| {readonly type: 'next'}
	| {readonly type: 'map'}
	| {readonly type: 'continue'}
	| {readonly type: 'replay'}
	| {readonly type: 'scroll'; readonly delta: number}
	| {readonly type: 'help'}
	| {readonly type: 'quit'};

/** Enter next level, m/Esc map, w keep working, r replay the winning packet on the topology, ↑/↓ scroll, ? help, q quit. */
export function completeKeyIntent(input: string, key: Key): CompleteIntent | undefined {
	if (key.return || input === 'n') return {type: 'next'};
	if (key.escape || input === 'm') return {type: 'map'};
	if (input === 'w') return {type: 'continue'};
	if (input === 'r') return {type: 'replay'};
	if (key.upArrow || input === 'k') return {type: 'scroll', delta: -1};
	if (key.downArrow || input === 'j') return {type: 'scroll', delta: 1};
	if (key.pageUp) return {type: 'scroll', delta: -10};
	if (key.pageDown) return {type: 'scroll', delta: 10};
	if (input === '?') return {type: 'help'};
	if (input === 'q') return {type: 'quit'};
	return undefined;
}
