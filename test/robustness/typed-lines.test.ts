import {describe, expect, it} from 'vitest';
import {complete} from '../../src/commands/index.js';
import {replayDraft, sessionReducer, startSession, type SessionState} from '../../src/game/index.js';
import {builtInLevelsDir, loadCatalog, playableLevels} from '../../src/levels/load.js';
import {type Random, seeded} from './support/random.js';

/**
 * Any typed line never makes the parser or the engine throw. On every
 * built-in level, lines are typed into the real session rules: lines grown
 * word by word from the completion candidates (so they reach deep into
 * every command and the engine behind it, valid or nearly so), with wrong
 * words, hostile text and huge lines mixed in. After each line: no
 * exception, an error points inside the line, the goals are graded, and the
 * work in progress replays exactly as it would after a restart. The command
 * language's own property tests (src/commands/properties.test.ts) do the
 * same over random text on a demo network.
 */

const levels = playableLevels(loadCatalog({builtInDir: builtInLevelsDir()})).map((entry) => entry.level);

const ODD_WORDS = [
	'0.0.0.0/0', '10.0.0.0/8', '255.255.255.255', '256.1.1.1', '10.0.0.1/33', '1.2.3', '-1', '0', '65535', '65536', '99999999999999999999',
	'1-65535', '65535-1', 'tcp', 'udp', 'all', 'icmp', '--vpc', '--bind', '--publish', '-z', '-u', '--', '"', "'", '"unterminated', '#', '\\',
	'\u001B[2J', '\u0000', 'é', '漢字', '🚀', '\u202E', '\uD800', 'a'.repeat(300), '__proto__', 'constructor', 'toString', 'hasOwnProperty',
	'http://', 'https://travelbuddy.com:0/', 'https://[::1]/', 'ftp://x', 'travelbuddy.com.', '.', '..', 'a..b', '*', '?', 'help', 'undo', 'reset', 'hint',
];

/** A line grown word by word: mostly a completion candidate for what is typed so far, sometimes an odd word. */
function grownLine(random: Random, state: SessionState): string {
	let text = '';
	const words = 1 + random.int(9);
	for (let word = 0; word < words; word++) {
		const {from, candidates} = complete(state.network, text, text.length);
		const next = candidates.length > 0 && random.chance(0.8) ? random.pick(candidates) : random.pick(ODD_WORDS);
		text = `${text.slice(0, from)}${next}${random.chance(0.9) ? ' ' : ''}`;
	}
	return text;
}

/** A line of raw noise: any code units, control characters, or a very long line. */
function noiseLine(random: Random): string {
	if (random.chance(0.1)) return random.pick(ODD_WORDS).repeat(2000 + random.int(20_000));
	return Array.from({length: 1 + random.int(40)}, () => String.fromCharCode(random.int(random.chance(0.8) ? 128 : 0x10000))).join('');
}

describe('typed lines, on every built-in level', () => {
	it.each(levels.map((level, index) => [level.id, index] as const))('%s: 150 lines never throw, and the saved work always replays', (_id, index) => {
		const level = levels[index]!;
		const random = seeded(1000 + index);
		let state = startSession(level);
		for (let count = 0; count < 150; count++) {
			const text = random.chance(0.85) ? grownLine(random, state) : noiseLine(random);
			const where = `${level.id}, line ${count}: ${JSON.stringify(text.slice(0, 200))}`;
			let next: SessionState;
			try {
				next = sessionReducer(state, {type: 'submit', text});
			} catch (error) {
				throw new Error(`typing threw (${where}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			}
			const error = next.log.at(-1)?.error;
			if (error) {
				expect(error.start, where).toBeGreaterThanOrEqual(0);
				expect(error.end, where).toBeLessThanOrEqual(error.text.length);
			}
			expect(next.report.goals.map((goal) => goal.id), where).toEqual(level.goals.map((goal) => goal.id));
			// Now and then: undo, reset, a hint — the session's own actions.
			if (random.chance(0.05)) next = sessionReducer(next, {type: random.pick(['undo', 'reset', 'reveal-hint'] as const)});
			state = next;
		}
		const replay = replayDraft(level, state.draft);
		expect(replay.ok, `${level.id}: the draft ${JSON.stringify(state.draft)} replays`).toBe(true);
		if (replay.ok) expect(replay.network).toEqual(state.network);
	});
});
