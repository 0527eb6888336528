import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {memoryProgressStore} from '../store/memory-store.js';
import type {ProgressStore} from '../store/progress.js';
import {App} from './app.js';
import {FirstFrame} from './first-frame.js';
import {fixtureCatalog, fixtureLevel} from './test-helpers/fixtures.js';

// Colours forced on for this file's worker, so the coloured frames are compared too.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

afterEach(() => cleanup());

const catalog = fixtureCatalog([fixtureLevel(), fixtureLevel({id: 'second', title: 'Second level'}), fixtureLevel({id: 'third', title: 'Third level'})]);

function storeWith(warnings: readonly string[]): ProgressStore {
	const store = memoryProgressStore({levels: {'fixture-web': {solved: true, stars: 2, hintsUsed: 1, draft: []}, second: {solved: false, stars: 0, hintsUsed: 0, draft: ['ping web']}}});
	return {...store, warnings: [...warnings]};
}

/** The first frame of a component at a terminal size. */
function frameOf(element: React.JSX.Element, columns: number, rows: number): string | undefined {
	const instance = render(element);
	Object.defineProperty(instance.stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(instance.stdout, 'rows', {value: rows, configurable: true});
	instance.rerender(element);
	return instance.lastFrame();
}

describe('FirstFrame', () => {
	const cases: [string, number, number, boolean, readonly string[]][] = [
		['80×24, colour', 80, 24, true, []],
		['80×24, no colour, a store warning', 80, 24, false, ['progress.json was damaged: kept aside as progress.json.bad']],
		['120×40, colour', 120, 40, true, []],
		['a tiny terminal', 40, 12, true, []],
	];
	for (const [name, columns, rows, color, warnings] of cases) {
		it(`draws exactly the app's first frame (${name}), so the swap to the app changes nothing on screen`, () => {
			const store = storeWith(warnings);
			const first = frameOf(<FirstFrame catalog={catalog} store={store} color={color} />, columns, rows);
			const app = frameOf(<App catalog={catalog} store={store} color={color} />, columns, rows);
			expect(first).toContain(columns >= 60 ? 'Second level' : 'Second');
			for (const warning of warnings) expect(first?.replace(/\s+/gu, ' ')).toContain(warning);
			expect(first).toBe(app);
		});
	}
});
