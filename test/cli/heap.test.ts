import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

/**
 * keepHeapSmall (src/cli/heap.ts), each time in a process of its own, under
 * the two loads it answers: objects that survive collections (as a level's
 * session does) make V8 grow the young generation; objects that live a while
 * and then die make it grow the old generation far beyond what is alive.
 */

const HEAP = fileURLToPath(new URL('../../src/cli/heap.ts', import.meta.url));

/** Runs `load` (a script body that prints one number) after `keepHeapSmall()` or without it. */
function measure(keepSmall: boolean, load: string): number {
	const script = `
		import v8 from 'node:v8';
		const {keepHeapSmall} = await import(${JSON.stringify(HEAP)});
		if (${keepSmall}) await keepHeapSmall();
		${load}
	`;
	return Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8'}).trim());
}

/** The young generation's size in MB after 60 MB of surviving objects. */
const YOUNG = `
	const kept = [];
	for (let round = 0; round < 600; round++) kept.push(Array.from({length: 10_000}, (_, index) => ({round, index})));
	const space = v8.getHeapSpaceStatistics().find((item) => item.space_name === 'new_space');
	console.log(space.space_size / 2 ** 20);
`;

/** The heap's peak size in MB while objects live a while and die, over ~10 MB kept alive. */
const CHURN = `
	const kept = [];
	for (let index = 0; index < 50; index++) kept.push(Array.from({length: 10_000}, (_, j) => ({index, j})));
	let peak = 0;
	for (let round = 0; round < 150; round++) {
		kept.push(Array.from({length: 20_000}, (_, j) => ({round, j, text: 'x' + j})));
		if (kept.length > 80) kept.splice(50, 10);
		peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
	}
	console.log(peak / 2 ** 20);
`;

describe('keepHeapSmall', () => {
	it('keeps the young generation from growing under surviving allocations, where V8 alone grows it', () => {
		const grown = measure(false, YOUNG);
		const held = measure(true, YOUNG);
		expect(held).toBeLessThanOrEqual(4);
		expect(grown).toBeGreaterThan(held * 2);
	}, 30_000);

	it('lets the old generation grow by half of what is alive, where V8 alone lets it grow far more', () => {
		const grown = measure(false, CHURN);
		const kept = measure(true, CHURN);
		expect(kept).toBeLessThan(grown * 0.8);
	}, 30_000);
});
