import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {runScript} from '../../src/commands/index.js';
import {grade} from '../../src/engine/grade.js';
import {detectableFaults, FAULT_CLASSES, repairPuzzle} from '../../src/game/repair.js';
import {startSession} from '../../src/game/index.js';
import {loadCatalog, playableLevels, validateLevelText} from '../../src/levels/index.js';

/**
 * Repair mode over the built-in campaign: for every level and many seeds, the
 * injected fault breaks a goal (never an undetectable one), is of a known
 * class, and its repair makes every goal pass again; the same seed always
 * gives the same fault, and seeds spread over the classes a level has.
 */

const LEVELS_DIR = fileURLToPath(new URL('../../levels/', import.meta.url));
const levels = playableLevels(loadCatalog({builtInDir: LEVELS_DIR})).map((entry) => entry.level);
const SEEDS = Array.from({length: 40}, (_value, index) => index * 7919 + 1);

describe.each(levels.map((level) => [level.id, level] as const))('repair mode on %s', (_id, level) => {
	const faults = detectableFaults(level);

	it('has faults the goals detect, each of a known class and each repairable', () => {
		expect(faults.length).toBeGreaterThan(0);
		for (const fault of faults) {
			expect(FAULT_CLASSES).toContain(fault.faultClass);
			expect(grade(fault.network, level.goals).solved, fault.what).toBe(false);
			const repaired = runScript(fault.network, fault.repair.join('\n'));
			if (!repaired.ok) throw new Error(`${fault.what}: the repair is refused: ${repaired.error.message}`);
			expect(grade(repaired.network, level.goals).solved, fault.what).toBe(true);
		}
	});

	it('over 40 seeds: always a detected, repairable fault, the same one for the same seed, spread over the classes', () => {
		const classes = new Set<string>();
		const played = new Set<string>();
		for (const seed of SEEDS) {
			const puzzle = repairPuzzle(level, seed);
			if (!puzzle) throw new Error(`no puzzle for seed ${seed}`);
			expect(repairPuzzle(level, seed)?.fault.what).toBe(puzzle.fault.what);
			classes.add(puzzle.fault.faultClass);
			// Each distinct puzzle played once as the game plays it: unsolved at the start, solved by the repair.
			if (played.has(puzzle.fault.what)) continue;
			played.add(puzzle.fault.what);
			expect(startSession(puzzle.level).report.solved, `seed ${seed}: ${puzzle.fault.what}`).toBe(false);
			expect(startSession(puzzle.level, {draft: puzzle.fault.repair}).completed, `seed ${seed}: ${puzzle.fault.what}`).toBeDefined();
		}
		const available = new Set(faults.map((fault) => fault.faultClass));
		if (available.size > 1) expect(classes.size).toBeGreaterThan(1);
	});

	it('makes a repair level that is a valid level: not solved at the start, solved by its repair', () => {
		const puzzle = repairPuzzle(level, 1)!;
		expect(validateLevelText(JSON.stringify(puzzle.level), `${puzzle.level.id}.json`)).toEqual([]);
	});
});
