import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {countConfigCommands, runScript} from '../../src/commands/index.js';
import {grade} from '../../src/engine/grade.js';
import {trace} from '../../src/engine/trace.js';
import {startSession} from '../../src/game/index.js';
import {CONCEPTS, loadCatalog, playableLevels, validateLevelFile, type Level} from '../../src/levels/index.js';
import {removeTempDirs, run} from '../cli/run-cli.js';
import {CAPSTONE_BUILD, OTHER_RIGHT_ANSWERS, REFUSED_ANSWERS, WRONG_ANSWERS} from './wrong-answers.js';

/**
 * The built-in campaign, replayed: every level loads through the loader and
 * validates clean, starts unsolved, is solved with three stars by its
 * reference solution, and grades the typical wrong answers of
 * `wrong-answers.ts` as not solved, with the expected goals failing for the
 * expected reasons.
 */

const LEVELS_DIR = fileURLToPath(new URL('../../levels/', import.meta.url));
const catalog = loadCatalog({builtInDir: LEVELS_DIR});
const entries = playableLevels(catalog);
const levels = entries.map((entry) => ({id: entry.level.id, file: entry.file, level: entry.level}));
const byId = new Map(levels.map((entry) => [entry.id, entry.level]));

function levelOf(id: string): Level {
	const level = byId.get(id);
	if (level === undefined) throw new Error(`no built-in level ${id}`);
	return level;
}

function allowed(level: Level) {
	return level.commands === undefined ? {} : {allowed: level.commands};
}

/** Every failing goal of a grade: id → code (null for state goals, which have none). */
function failing(level: Level, script: readonly string[]): Record<string, string | null> {
	const result = runScript(level.network, script.join('\n'), allowed(level));
	if (!result.ok) throw new Error(`line ${result.line} "${result.text}" is refused: ${result.error.message}`);
	const report = grade(result.network, level.goals);
	return Object.fromEntries(report.goals.filter((goal) => !goal.passed).map((goal) => [goal.id, goal.code ?? null]));
}

afterAll(removeTempDirs);

describe('the built-in pack', () => {
	it('loads as one pack, TravelBuddy, with every file playable', () => {
		expect(catalog.problems).toEqual([]);
		expect(catalog.packs.map((pack) => pack.title)).toEqual(['TravelBuddy']);
		const broken = catalog.packs.flatMap((pack) => pack.levels.filter((entry) => !entry.ok));
		expect(broken).toEqual([]);
		expect(levels.length).toBeGreaterThanOrEqual(19);
	});

	it('plays in file-name order, as pack.json lists it, each id being its file name', () => {
		const pack = JSON.parse(fs.readFileSync(path.join(LEVELS_DIR, 'pack.json'), 'utf8')) as {order: string[]};
		const files = levels.map((entry) => path.basename(entry.file));
		expect(files).toEqual(pack.order);
		expect(files).toEqual([...files].sort());
		for (const entry of levels) {
			expect(`${entry.id}.json`).toBe(path.basename(entry.file));
			expect(entry.id).toMatch(/^\d\d-[a-z0-9-]+$/);
			expect(entry.level.$schema).toBe('./schema.json');
		}
	});

	it('follows the chapters of the document in order, from 0 to 7, then the troubleshooting chapter 8', () => {
		const chapters = levels.map((entry) => Number(entry.level.chapter.split(' ')[0]));
		expect(chapters).toEqual([...chapters].sort((a, b) => a - b));
		expect(new Set(chapters)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
	});

	it('has a troubleshooting chapter of at least four levels that start broken and are repaired in a few changes', () => {
		const broken = levels.filter((entry) => entry.level.chapter.startsWith('8 '));
		expect(broken.length).toBeGreaterThanOrEqual(4);
		for (const {level} of broken) {
			// The fault is detected: some goal fails at the start (a wrong answer of an empty script lists which).
			expect(WRONG_ANSWERS.some((wrong) => wrong.level === level.id && wrong.script.length === 0), level.id).toBe(true);
			expect(WRONG_ANSWERS.filter((wrong) => wrong.level === level.id && wrong.script.length > 0).length, level.id).toBeGreaterThanOrEqual(2);
			expect(countConfigCommands(level.solution), level.id).toBeLessThanOrEqual(4);
		}
	});

	it('covers every concept tag with at least one level', () => {
		const covered = new Set(levels.flatMap((entry) => entry.level.concepts));
		expect(CONCEPTS.filter((concept) => !covered.has(concept))).toEqual([]);
	});

	it('has at least two wrong answers for every level, each naming a real level', () => {
		for (const answer of [...WRONG_ANSWERS, ...REFUSED_ANSWERS, ...OTHER_RIGHT_ANSWERS]) expect(byId.has(answer.level), answer.level).toBe(true);
		for (const entry of levels) {
			const count = WRONG_ANSWERS.filter((wrong) => wrong.level === entry.id).length;
			expect(count, entry.id).toBeGreaterThanOrEqual(2);
		}
	});
});

describe.each(levels)('$id', ({level, file}) => {
	it('validates clean', () => {
		expect(validateLevelFile(file)).toEqual([]);
	});

	it('is not solved at the start', () => {
		expect(grade(level.network, level.goals).solved).toBe(false);
	});

	it('is solved by its reference solution, with three stars', () => {
		const commands = level.solution.filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
		expect(countConfigCommands(level.solution)).toBe(commands.length);
		const session = startSession(level, {draft: commands});
		expect(session.draftProblem).toBeUndefined();
		expect(session.report.goals.filter((goal) => !goal.passed)).toEqual([]);
		expect(session.completed?.stars).toBe(3);
	});

	it('tells a short story in lines that fit an 80-column terminal', () => {
		const lines = level.story.split('\n');
		expect(lines.length).toBeLessThanOrEqual(7);
		for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(76);
		for (const goal of level.goals) expect(goal.description.length, goal.description).toBeLessThanOrEqual(76);
	});

	it('teaches the concept in the briefing without the numbers of its own answer (predict, then see)', () => {
		// 127.0.0.1 and 0.0.0.0/0 are words of the concept (localhost, "everything"), not a level's answer.
		const universal = new Set(['127.0.0.1', '0.0.0.0', '0.0.0.0/0']);
		const tokens = new Set(level.solution.join(' ').match(/\d+\.\d+\.\d+\.\d+(?:\/\d+)?|\b\d+-\d+\b/g) ?? []);
		const briefing = `${level.briefing.question} ${level.briefing.answer}`;
		expect([...tokens].filter((token) => !universal.has(token) && briefing.includes(token))).toEqual([]);
	});

	it('gives three hints: a nudge, the concept, the near-answer', () => {
		expect(level.hints).toHaveLength(3);
	});

	it('has goals that must not work, not only goals that must', () => {
		expect(level.goals.some((goal) => goal.kind === 'blocked' || goal.kind === 'only')).toBe(true);
		const filtering = level.concepts.includes('firewall') || level.concepts.includes('security-group');
		if (filtering) expect(level.goals.some((goal) => goal.kind === 'only')).toBe(true);
	});
});

describe('typical wrong answers are not solved, failing for the right reason', () => {
	it('varies the capstone from its real reference solution', () => {
		expect(levelOf('19-capstone').solution).toEqual(CAPSTONE_BUILD);
	});

	it.each(WRONG_ANSWERS)('$level: $mistake', (wrong) => {
		expect(failing(levelOf(wrong.level), wrong.script)).toEqual(wrong.fails);
	});
});

describe('the firewall levels show the missing conntrack rule as a dropped reply', () => {
	// iptables chains are stateless (iptables-extensions(8) "conntrack"): without -m conntrack --ctstate
	// ESTABLISHED,RELATED -j ACCEPT a deny policy also drops the answers, which the trace must show.
	it.each([
		['07-host-firewall', ['firewall append web input allow tcp 80', 'firewall policy web input deny'], {from: 'web', toHost: 'payments', port: 443}, 'web', 'input'],
		['08-network-firewall', ['firewall append r1 forward allow tcp 3306 from 10.0.2.0/24 to 10.0.3.0/24', 'firewall policy r1 forward deny'], {from: 'app-1', toHost: 'db-1', port: 3306}, 'r1', 'forward'],
	] as const)('%s', (id, script, flow, node, list) => {
		const level = levelOf(id);
		const result = runScript(level.network, script.join('\n'), allowed(level));
		if (!result.ok) throw new Error(result.error.message);
		const traced = trace(result.network, flow);
		const delivered = traced.hops.findIndex((hop) => hop.action === 'deliver');
		const dropped = traced.hops.findIndex((hop) => hop.action === 'drop');
		expect(delivered).toBeGreaterThanOrEqual(0);
		expect(dropped).toBeGreaterThan(delivered);
		expect(traced.hops[dropped]).toMatchObject({node, decidedBy: {kind: 'firewall-policy', id: node, list}});
		expect(traced.outcome.message).toContain('the reply cannot come back');
		expect(traced.outcome.message).toContain('allow established');
		const fixed = runScript(result.network, `firewall insert ${node} ${list} 1 allow established`, allowed(level));
		if (!fixed.ok) throw new Error(fixed.error.message);
		expect(trace(fixed.network, flow).outcome.code).toBe('DELIVERED');
	});
});

describe('right answers in other words solve the level too', () => {
	it.each(OTHER_RIGHT_ANSWERS)('$level: $variant', (other) => {
		expect(failing(levelOf(other.level), other.script)).toEqual({});
	});
});

describe('par rewards the practice the campaign teaches', () => {
	it.each(['07-host-firewall', '08-network-firewall'])('%s: the reference sets a default deny, and a default deny written policy-first earns every star', (id) => {
		const level = levelOf(id);
		expect(level.solution.some((line) => / policy .* deny$/.test(line))).toBe(true);
		const policyFirst = [...level.solution.filter((line) => line.includes(' policy ')), ...level.solution.filter((line) => !line.includes(' policy '))];
		const session = startSession(level, {draft: policyFirst});
		expect(session.completed).toMatchObject({stars: 3, withinPar: true});
	});
});

describe('impossible answers are refused by the commands', () => {
	it.each(REFUSED_ANSWERS)('$level: $mistake', (wrong) => {
		const level = levelOf(wrong.level);
		const result = runScript(level.network, [...wrong.script, wrong.refused].join('\n'), allowed(level));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.line).toBe(wrong.script.length + 1);
		expect(result.error.message).toMatch(wrong.message);
	});
});

describe('the CLI on the built-in levels', () => {
	it('netquest validate levels is clean', async () => {
		const result = await run(['validate', 'levels'], {builtInDir: LEVELS_DIR});
		expect(result).toEqual({code: 0, stdout: `${levels.length} level files checked: no problems\n`, stderr: ''});
	});

	it('netquest levels --json lists every level, covering every concept tag', async () => {
		const result = await run(['levels', '--json'], {builtInDir: LEVELS_DIR});
		expect(result.code).toBe(0);
		const listing = JSON.parse(result.stdout) as {levels: {id: string; concepts: string[]; status: string}[]; problems: unknown[]};
		expect(listing.problems).toEqual([]);
		expect(listing.levels.map((row) => row.id)).toEqual(levels.map((entry) => entry.id));
		expect(listing.levels.every((row) => row.status === 'new')).toBe(true);
		const covered = new Set(listing.levels.flatMap((row) => row.concepts));
		expect(CONCEPTS.filter((concept) => !covered.has(concept))).toEqual([]);
	});
});
