/**
 * Live grading of the built-in levels: what the game does after every
 * command (`grade(network, level.goals)` on the network the command made).
 * Each level is graded on its start network, after each command of its
 * reference solution, and on the solved network. Every timed grade gets a
 * fresh copy of the network, as a command gives the game a new network
 * object: the engine's per-network caches (route tables, topology) are
 * rebuilt each time, as in the game. The JIT is warm (the game's first
 * grade, when a level opens, is reported apart as "first grade").
 */
import {performance} from 'node:perf_hooks';
import {execute} from '../src/commands/index.js';
import {grade} from '../src/engine/grade.js';
import type {Network} from '../src/engine/network.js';
import {builtInLevelsDir, loadCatalog} from '../src/levels/load.js';
import type {Level} from '../src/levels/schema.js';
import {median} from './stats.js';

/** One level's grading times, ms (medians over `runs`). */
export type LevelGrading = {
	readonly id: string;
	readonly hosts: number;
	readonly goals: number;
	readonly states: number;
	readonly start: number;
	readonly solved: number;
	/** The slowest network state of the level (start, after each command, solved). */
	readonly slowest: number;
	readonly solvedOk: boolean;
};

/** The built-in levels, in campaign order. */
export function builtInLevels(): Level[] {
	return loadCatalog({builtInDir: builtInLevelsDir()}).packs.flatMap((pack) => pack.levels.flatMap((entry) => (entry.ok ? [entry.level] : [])));
}

/** The configuration commands of a level's reference solution (comments and blank lines dropped). */
export function solutionCommands(level: Level): string[] {
	return level.solution.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/** The networks a player goes through with the reference solution: the start, then one per command that changed it. */
export function solutionStates(level: Level): Network[] {
	const states = [level.network];
	let network = level.network;
	for (const line of solutionCommands(level)) {
		const result = execute(network, line, level.commands ? {allowed: level.commands} : {});
		if (result.kind === 'changed') {
			network = result.network;
			states.push(network);
		}
	}
	return states;
}

function timeGrade(network: Network, level: Level, runs: number): number {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const fresh = structuredClone(network);
		const start = performance.now();
		grade(fresh, level.goals);
		times.push(performance.now() - start);
	}
	return median(times);
}

/** Grades every level; returns the first grade of the process (cold JIT) and each level's medians. */
export function gradeLevels(levels: readonly Level[], runs: number): {firstGrade: number; rows: LevelGrading[]} {
	const first = levels[0];
	let firstGrade = Number.NaN;
	if (first) {
		const start = performance.now();
		grade(structuredClone(first.network), first.goals);
		firstGrade = performance.now() - start;
	}
	// Warm the JIT on every level once, as a session does after its first few commands.
	for (const level of levels) for (const state of solutionStates(level)) grade(structuredClone(state), level.goals);
	const rows = levels.map((level): LevelGrading => {
		const states = solutionStates(level);
		const times = states.map((state) => timeGrade(state, level, runs));
		const solvedNetwork = states.at(-1)!;
		return {
			id: level.id,
			hosts: level.network.hosts.length,
			goals: level.goals.length,
			states: states.length,
			start: times[0]!,
			solved: times.at(-1)!,
			slowest: Math.max(...times),
			solvedOk: grade(solvedNetwork, level.goals).solved,
		};
	});
	return {firstGrade, rows};
}
