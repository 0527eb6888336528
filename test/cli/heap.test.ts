import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

/**
 * holdYoungGeneration (src/cli/heap.ts) in a process of its own: objects
 * that survive collections (as a level's session does) make V8 grow the
 * young generation; after the call it stays at its size.
 */

const HEAP = fileURLToPath(new URL('../../src/cli/heap.ts', import.meta.url));

/** The young generation's size in MB after allocating 60 MB of surviving objects, with or without the call. */
function youngGenerationAfterLoad(hold: boolean): number {
	const script = `
		import v8 from 'node:v8';
		const {holdYoungGeneration} = await import(${JSON.stringify(HEAP)});
		if (${hold}) await holdYoungGeneration();
		const kept = [];
		for (let round = 0; round < 600; round++) kept.push(Array.from({length: 10_000}, (_, index) => ({round, index})));
		const space = v8.getHeapSpaceStatistics().find((item) => item.space_name === 'new_space');
		console.log(space.space_size / 2 ** 20);
		kept.length = 0;
	`;
	return Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8'}).trim());
}

describe('holdYoungGeneration', () => {
	it('keeps the young generation from growing under surviving allocations, where V8 alone grows it', () => {
		const grown = youngGenerationAfterLoad(false);
		const held = youngGenerationAfterLoad(true);
		expect(grown).toBeGreaterThanOrEqual(8);
		expect(held).toBeLessThanOrEqual(4);
	}, 30_000);
});
