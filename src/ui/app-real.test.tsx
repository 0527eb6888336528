import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {builtInLevelsDir, loadCatalog} from '../levels/load.js';
import {memoryProgressStore} from '../store/memory-store.js';
import {App} from './app.js';
import {waitForFrame} from './test-helpers/wait-for-frame.js';

/** The app over the real session rules, engine and commands, on the first built-in level. */

afterEach(() => cleanup());

const catalog = loadCatalog({builtInDir: builtInLevelsDir()});
const first = catalog.packs.flatMap((pack) => pack.levels).find((entry) => entry.ok);

describe.skipIf(first === undefined || !first.ok)('the real game', () => {
	it('plays the first built-in level by its solution: goals turn ✓ one by one, then level complete', async () => {
		if (!first?.ok) return;
		const {level} = first;
		const store = memoryProgressStore();
		const app = render(<App catalog={catalog} store={store} color={false} initialLevelId={level.id} />);
		await waitForFrame(app, (f) => f.includes(level.title));
		app.stdin.write('\r');
		const start = await waitForFrame(app, (f) => f.includes('Output'));
		const passing = (frame: string) => Number(/Goals (\d+)\//.exec(frame)?.[1] ?? -1);
		expect(passing(start)).toBeLessThan(level.goals.length);
		const lines = level.solution.filter((line) => line.trim() && !line.trim().startsWith('#'));
		for (const [index, line] of lines.entries()) {
			app.stdin.write(`${line}\r`);
			if (index < lines.length - 1) await waitForFrame(app, (f) => f.includes(`commands ${index + 1}`));
		}
		const done = await waitForFrame(app, (f) => f.includes('Level complete'), {timeout: 10_000});
		expect(done).toContain('✓ Solved: every goal passes');
		expect(done).toContain('What you did, in real-world commands');
		expect(store.getLevel(level.id)).toMatchObject({solved: true, draft: lines});
		app.stdin.write('w');
		const bench = await waitForFrame(app, (f) => f.includes('· solved'));
		expect(passing(bench)).toBe(level.goals.length);
	});
});
