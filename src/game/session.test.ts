import {describe, expect, it} from 'vitest';
import {runScript} from '../commands/index.js';
import {grade} from '../engine/grade.js';
import {levelSchema, type Level, type LevelInput} from '../levels/schema.js';
import {sandboxLevel} from './sandbox.js';
import {sessionReducer, startSession} from './session.js';
import {LOG_LIMIT} from './session-log.js';
import type {SessionAction, SessionState} from './types.js';

/** A tiny level: one web server, a customer's laptop, and no DNS record yet. */
const tinyInput: LevelInput = {
	formatVersion: 1,
	id: 'test-dns',
	title: 'Give the server a name',
	chapter: '1 · One server',
	concepts: ['dns'],
	story: 'Customers type travelbuddy.com, but nothing answers.',
	briefing: {question: 'What is DNS?', answer: 'The phone book of the internet.'},
	objective: 'Make travelbuddy.com resolve to the web server.',
	network: {
		hosts: [
			{id: 'web', kind: 'server', interfaces: [{subnet: 'internet', ip: '203.0.113.10'}], apps: [{name: 'website', port: 80}]},
			{id: 'laptop', kind: 'client', interfaces: [{subnet: 'internet', ip: '198.51.100.20'}]},
		],
	},
	commands: ['dns'],
	goals: [
		{id: 'site', kind: 'reach', description: 'Customers reach travelbuddy.com on port 80', flow: {from: 'laptop', to: 'travelbuddy.com', port: 80}},
		{id: 'no-ssh', kind: 'blocked', description: 'Nobody gets a shell on the server', flow: {from: 'laptop', toHost: 'web', port: 22}},
	],
	hints: ['Names need a record.', 'An A record maps a name to an address.', 'dns add travelbuddy.com A 203.0.113.10'],
	solution: ['# the one record', 'dns add travelbuddy.com A 203.0.113.10'],
};
const tiny: Level = levelSchema.parse(tinyInput);
const RECORD = 'dns add travelbuddy.com A 203.0.113.10';

/** The same level, but the reference solution also closes every port but 80 on the server. */
const locked: Level = levelSchema.parse({
	...tinyInput,
	id: 'test-dns-locked',
	commands: ['dns', 'firewall'],
	solution: [RECORD, 'firewall append web input allow tcp 80', 'firewall policy web input deny'],
});

/** Ports the internet reaches in the network a script builds on the level's start. */
function exposureAfter(level: Level, lines: readonly string[]): number {
	const result = runScript(level.network, lines.join('\n'));
	if (!result.ok) throw new Error(`fixture script fails at line ${result.line}: ${result.error.message}`);
	return grade(result.network, level.goals).exposure.total;
}

/** The state after each action in turn. */
function play(state: SessionState, ...actions: (SessionAction | string)[]): SessionState {
	return actions.reduce<SessionState>(
		(current, action) => sessionReducer(current, typeof action === 'string' ? {type: 'submit', text: action} : action),
		state,
	);
}

describe('startSession', () => {
	it('computes par and the reference exposure, grades the start and says what to do', () => {
		const state = startSession(tiny);
		expect(state.par).toBe(1);
		expect(state.referenceExposure).toBe(exposureAfter(tiny, tiny.solution));
		expect(state.referenceExposure).toBeGreaterThan(0);
		expect(state.network).toEqual(tiny.network);
		expect(state.report.solved).toBe(false);
		expect(state.report.goals.map((goal) => [goal.id, goal.passed])).toEqual([
			['site', false],
			['no-ssh', true],
		]);
		expect(state.draft).toEqual([]);
		expect(state.undoStack).toEqual([]);
		expect(state.hintsRevealed).toBe(0);
		expect(state.completed).toBeUndefined();
		expect(state.log).toEqual([{kind: 'info', lines: ['Give the server a name — Make travelbuddy.com resolve to the web server.']}]);
	});

	it('replays a saved draft, each command undoable, and notices it already solves the level', () => {
		const state = startSession(tiny, {draft: [RECORD], hintsUsed: 1});
		expect(state.draft).toEqual([RECORD]);
		expect(state.draftRealWorld).toEqual([['travelbuddy.com. 300 IN A 203.0.113.10']]);
		expect(state.undoStack).toEqual([tiny.network]);
		expect(state.report.solved).toBe(true);
		expect(state.hintsRevealed).toBe(1);
		expect(state.completed).toMatchObject({stars: 2, withinPar: true, noHints: false});
		expect(state.log[0]?.lines).toContain('Restored your 1 saved command (undo removes them one by one).');
		expect(state.log.at(-1)?.kind).toBe('success');
		const undone = play(state, {type: 'undo'});
		expect(undone.network).toEqual(tiny.network);
		expect(undone.report.solved).toBe(false);
		expect(undone.completed).toEqual(state.completed);
	});

	it('never replays a stale draft in part: starts fresh and says which line failed and why', () => {
		const stale = [RECORD, 'app add web api 8080'];
		const state = startSession(tiny, {draft: stale});
		expect(state.network).toEqual(tiny.network);
		expect(state.report.solved).toBe(false);
		expect(state.completed).toBeUndefined();
		expect(state.draft).toEqual([]);
		expect(state.undoStack).toEqual([]);
		expect(state.staleDraft).toEqual(stale);
		expect(state.draftProblem).toMatch(/line 2 "app add web api 8080" was refused \(.+\)/);
		expect(state.log[0]?.lines).toContain(state.draftProblem);
	});

	it('treats a draft line that is not a configuration command as stale', () => {
		const state = startSession(tiny, {draft: ['dig travelbuddy.com']});
		expect(state.draftProblem).toMatch(/line 1 "dig travelbuddy.com" was refused \(it is not a configuration command\)/);
	});

	it('keeps the hint count within the level’s hints', () => {
		expect(startSession(tiny, {hintsUsed: 9}).hintsRevealed).toBe(3);
		expect(startSession(tiny, {hintsUsed: -1}).hintsRevealed).toBe(0);
	});

	it('tells the player when the level’s own solution leaves goals failing (the level may be impossible)', () => {
		const unsolvable = levelSchema.parse({...tinyInput, solution: ['dns add travelbuddy.com A 203.0.113.99']});
		const state = startSession(unsolvable);
		expect(state.log[0]?.lines).toContain(
			'This level\'s own reference solution leaves goal "site" failing: the level may be impossible as written. Tell its author (netquest validate finds this).',
		);
		expect(startSession(tiny).log[0]?.lines.join('\n')).not.toMatch(/impossible/);
	});

	it('tells the player when the level is already solved at the start, and does not call that saved work', () => {
		const solvedInput: LevelInput = {...tinyInput, network: {...tinyInput.network, dns: [{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'}]}};
		const state = startSession(levelSchema.parse(solvedInput));
		const said = state.log.flatMap((entry) => entry.lines).join('\n');
		expect(said).toContain('This level is already solved at the start: there is nothing to do.');
		expect(said).not.toContain('Your saved work');
		expect(startSession(tiny, {draft: [RECORD]}).log.flatMap((entry) => entry.lines).join('\n')).not.toContain('already solved at the start');
	});
});

describe('sessionReducer: configuration commands', () => {
	it('applies a change: undoable, in the draft, regraded, logged with its real-world equivalent', () => {
		const start = startSession(tiny);
		const state = play(start, RECORD);
		expect(state.draft).toEqual([RECORD]);
		expect(state.undoStack).toEqual([start.network]);
		expect(state.network.dns).toEqual([{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'}]);
		expect(state.report.goals.find((goal) => goal.id === 'site')?.passed).toBe(true);
		const [input, change] = state.log.slice(1);
		expect(input).toEqual({kind: 'input', lines: [RECORD]});
		expect(change?.kind).toBe('change');
		expect(change?.lines).toContain('✓ now passes: Customers reach travelbuddy.com on port 80');
		expect(change?.realWorld).toEqual(['travelbuddy.com. 300 IN A 203.0.113.10']);
	});

	it('the reference solution with no hints earns 3 stars, said once', () => {
		const state = play(startSession(tiny), `  ${RECORD}  `);
		expect(state.draft).toEqual([RECORD]);
		expect(state.completed).toEqual({
			stars: 3,
			withinPar: true,
			noHints: true,
			leastPrivilege: true,
			commands: 1,
			par: 1,
			hintsUsed: 0,
			exposure: state.referenceExposure,
			referenceExposure: state.referenceExposure,
		});
		const success = state.log.filter((entry) => entry.kind === 'success');
		expect(success).toHaveLength(1);
		expect(success[0]?.lines[0]).toBe('Level solved: "Give the server a name" ★★★');
		const later = play(state, 'dns remove travelbuddy.com', RECORD);
		expect(later.log.filter((entry) => entry.kind === 'success')).toHaveLength(1);
		expect(later.completed).toEqual(state.completed);
	});

	it('over par earns fewer stars', () => {
		const state = play(startSession(tiny), 'dns add travelbuddy.com A 203.0.113.99', 'dns remove travelbuddy.com', RECORD);
		expect(state.completed).toMatchObject({stars: 2, withinPar: false, noHints: true, leastPrivilege: true, commands: 3, par: 1});
	});

	it('a reset and a shorter solve raise the result: more stars, or as many in fewer commands', () => {
		const over = play(startSession(tiny), 'dns add travelbuddy.com A 203.0.113.99', 'dns remove travelbuddy.com', RECORD);
		expect(over.completed).toMatchObject({stars: 2, commands: 3});
		const par = play(over, 'reset', 'yes', RECORD);
		expect(par.completed).toMatchObject({stars: 3, commands: 1});
		const detour = ['dns add travelbuddy.com A 203.0.113.99', 'dns remove travelbuddy.com'];
		const longer = play(startSession(tiny), ...detour, ...detour, RECORD);
		expect(longer.completed).toMatchObject({stars: 2, commands: 5});
		const shorter = play(longer, 'reset', 'reset', ...detour, RECORD);
		expect(shorter.completed).toMatchObject({stars: 2, commands: 3});
		expect(shorter.log.filter((entry) => entry.kind === 'success').map((entry) => entry.lines[0])).toEqual([
			'Level solved: "Give the server a name" ★★☆',
			'Shorter: "Give the server a name" ★★☆ in 3 commands',
		]);
		// A longer solve afterwards lowers nothing.
		expect(play(shorter, 'reset', 'y', ...detour, ...detour, RECORD).completed).toEqual(shorter.completed);
	});

	it('more exposure than the reference solution costs the least-privilege star', () => {
		const start = startSession(locked);
		expect(start.par).toBe(3);
		expect(start.referenceExposure).toBe(1); // only tcp 80 on the server
		const open = play(start, RECORD);
		expect(open.completed).toMatchObject({stars: 2, withinPar: true, noHints: true, leastPrivilege: false, exposure: exposureAfter(locked, [RECORD])});
		const tight = play(open, ...locked.solution.slice(1));
		expect(tight.completed).toMatchObject({stars: 3, leastPrivilege: true, exposure: 1, commands: 3});
		const success = tight.log.filter((entry) => entry.kind === 'success').map((entry) => entry.lines[0]);
		expect(success).toEqual(['Level solved: "Give the server a name" ★★☆', 'Better: "Give the server a name" ★★★']);
		// Opening up again never lowers the result.
		const reopened = play(tight, 'undo');
		expect(reopened.report.solved).toBe(true);
		expect(reopened.completed).toEqual(tight.completed);
	});

	it('counts hints: revealed one at a time, never past the last, and they cost a star', () => {
		const state = play(startSession(tiny), {type: 'reveal-hint'}, 'hint');
		expect(state.hintsRevealed).toBe(2);
		const hints = state.log.filter((entry) => entry.kind === 'hint');
		expect(hints.map((entry) => entry.lines[0])).toEqual(['Hint 1 of 3: Names need a record.', 'Hint 2 of 3: An A record maps a name to an address.']);
		const all = play(state, 'hint', 'hint', {type: 'reveal-hint'});
		expect(all.hintsRevealed).toBe(3);
		expect(all.log.at(-1)?.lines.at(-1)).toBe('That was the last hint.');
		expect(play(all, RECORD).completed).toMatchObject({stars: 2, noHints: false, hintsUsed: 3});
	});
});

describe('sessionReducer: undo and reset', () => {
	const two = () => play(startSession(tiny), 'dns add www.travelbuddy.com CNAME travelbuddy.com', RECORD);

	it.each<[string, SessionAction | string]>([
		['the undo action', {type: 'undo'}],
		['the typed undo command', 'undo'],
	])('%s takes back the last command only', (_name, action) => {
		const before = two();
		const state = play(before, action);
		expect(state.draft).toEqual(['dns add www.travelbuddy.com CNAME travelbuddy.com']);
		expect(state.draftRealWorld).toHaveLength(1);
		expect(state.network).toEqual(before.undoStack[1]);
		expect(state.undoStack).toHaveLength(1);
		expect(state.report.solved).toBe(false);
		expect(state.log.at(-1)).toEqual({
			kind: 'info',
			lines: [`Undone: ${RECORD}`, `✗ now fails: Customers reach travelbuddy.com on port 80 — It does not get through yet: the name is not in DNS. (NXDOMAIN: ${state.report.goals[0]?.message})`],
		});
	});

	it.each<[string, readonly (SessionAction | string)[]]>([
		['the reset action', [{type: 'reset'}]],
		['the typed reset command, confirmed', ['reset', 'reset']],
		['the typed reset command, confirmed with yes', ['reset', 'yes']],
	])('%s goes back to the start and keeps the hints counted', (_name, actions) => {
		const state = play(two(), {type: 'reveal-hint'}, ...actions);
		expect(state.network).toEqual(tiny.network);
		expect(state.draft).toEqual([]);
		expect(state.undoStack).toEqual([]);
		expect(state.hintsRevealed).toBe(1);
		expect(state.log.at(-1)?.lines[0]).toBe('Back to the start of the level: your 2 commands removed.');
	});

	it('asks before a typed reset, and anything but yes keeps the commands', () => {
		const asked = play(two(), 'reset');
		expect(asked.draft).toHaveLength(2);
		expect(asked.confirming).toBe('reset');
		expect(asked.log.at(-1)?.lines).toEqual([
			'reset removes your 2 commands and starts the level again (undo takes back one at a time).',
			'Type reset again (or yes) to go ahead; anything else keeps things as they are.',
		]);
		const kept = play(asked, 'dig travelbuddy.com');
		expect(kept.draft).toHaveLength(2);
		expect(kept.confirming).toBeUndefined();
		expect(kept.log.some((entry) => entry.lines[0] === 'Not reset: your commands stay.')).toBe(true);
		expect(play(kept, 'yes').draft).toHaveLength(2);
	});

	it('asks before the first typed hint, which costs a star; later hints and the sandbox do not ask', () => {
		const asked = play(startSession(tiny), 'hint');
		expect(asked.hintsRevealed).toBe(0);
		expect(asked.log.at(-1)?.lines[0]).toMatch(/costs this level’s no-hints star/);
		const shown = play(asked, 'hint');
		expect(shown.hintsRevealed).toBe(1);
		expect(play(shown, 'hint').hintsRevealed).toBe(2);
		expect(play(asked, 'undo').hintsRevealed).toBe(0);
	});

	it('says when there is nothing to undo or reset', () => {
		const start = startSession(tiny);
		expect(play(start, {type: 'undo'}).log.at(-1)).toEqual({kind: 'info', lines: ['Nothing to undo.']});
		expect(play(start, 'reset').log.at(-1)).toEqual({kind: 'info', lines: ['Already at the start of the level.']});
	});
});

describe('sessionReducer: everything else typed', () => {
	it('does nothing at all for blank input', () => {
		const start = startSession(tiny);
		expect(sessionReducer(start, {type: 'submit', text: '   '})).toBe(start);
	});

	it('logs a refused command with its caret span and changes nothing', () => {
		const start = startSession(tiny);
		const text = 'dns add travelbuddy.com A 203.0.113.999';
		const state = play(start, text);
		expect(state.network).toBe(start.network);
		expect(state.draft).toEqual([]);
		const entry = state.log.at(-1);
		expect(entry?.kind).toBe('error');
		expect(entry?.error?.text).toBe(text);
		expect(text.slice(entry?.error?.start, entry?.error?.end)).toBe('203.0.113.999');
		expect(entry?.lines.join('\n')).toMatch(/address/);
	});

	it('refuses commands the level does not allow', () => {
		const state = play(startSession(tiny), 'app add web api 8080');
		expect(state.log.at(-1)?.kind).toBe('error');
		expect(state.network).toEqual(tiny.network);
	});

	it('logs an inspection with its output and keeps its trace', () => {
		const state = play(startSession(tiny), RECORD, 'curl laptop http://travelbuddy.com');
		const entry = state.log.at(-1);
		expect(entry?.kind).toBe('output');
		expect(entry?.lines.length).toBeGreaterThan(0);
		expect(entry?.trace?.outcome.code).toBe('DELIVERED');
		expect(state.draft).toEqual([RECORD]);
	});

	it('goals lists every goal; check also attaches the first failing goal’s trace', () => {
		const start = startSession(tiny);
		const goals = play(start, 'goals').log.at(-1);
		expect(goals?.lines.slice(0, 2)).toEqual(['Goals: 1 of 2 passing', expect.stringMatching(/^✗ Customers reach travelbuddy.com on port 80 — It does not get through yet: the name is not in DNS\. \(NXDOMAIN: /)]);
		expect(goals?.lines[2]).toMatch(/^✓ Nobody gets a shell on the server — /);
		expect(goals?.trace).toBeUndefined();
		const check = play(start, 'check').log.at(-1);
		expect(check?.trace?.outcome.code).toBe('NXDOMAIN');
		const solved = play(start, RECORD, 'check').log.at(-1);
		expect(solved?.lines).toContain('Every goal passes. ★★★  3 of 3 stars');
		expect(solved?.trace).toBeUndefined();
	});

	it('map asks the UI to open the topology picture', () => {
		const entry = play(startSession(tiny), 'map').log.at(-1);
		expect(entry?.show).toBe('topology');
	});

	it('help shows the help of a command', () => {
		const entry = play(startSession(tiny), 'help dns add').log.at(-1);
		expect(entry?.kind).toBe('output');
		expect(entry?.lines.join('\n')).toMatch(/dns add/);
	});

	it('keeps only the last entries of the log', () => {
		let state = startSession(tiny);
		for (let index = 0; index < LOG_LIMIT; index++) state = play(state, 'dig travelbuddy.com');
		expect(state.log).toHaveLength(LOG_LIMIT);
		expect(state.log[0]?.kind).toBe('input');
	});

	it('never changes the state it is given', () => {
		const start = play(startSession(tiny), 'dns add www.travelbuddy.com CNAME travelbuddy.com');
		const snapshot = structuredClone(start);
		play(start, RECORD, 'undo', 'reset', 'hint', 'check', 'nonsense');
		expect(start).toEqual(snapshot);
	});
});

describe('the sandbox', () => {
	it('is a valid level with every command allowed, and is never completed', () => {
		const level = sandboxLevel();
		expect(levelSchema.safeParse(level).success).toBe(true);
		expect(level.commands).toBeUndefined();
		const start = startSession(level);
		expect(start.report.solved).toBe(true);
		expect(start.completed).toBeUndefined();
		const state = play(start, 'app add web api 8080', RECORD);
		expect(state.draft).toEqual(['app add web api 8080', RECORD]);
		expect(state.completed).toBeUndefined();
		expect(state.log.some((entry) => entry.kind === 'success')).toBe(false);
	});

	it('its hint names commands that work on its network', () => {
		const level = sandboxLevel();
		const state = play(startSession(level), 'show hosts', 'curl laptop http://203.0.113.10/');
		expect(state.log.filter((entry) => entry.kind === 'error')).toEqual([]);
		expect(state.log.at(-1)?.trace?.outcome.code).toBe('DELIVERED');
		expect(level.hints[0]).toContain('curl laptop http://203.0.113.10/');
	});
});
