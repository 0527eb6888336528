import React from 'react';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {cleanup, render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {memoryProgressStore} from '../store/memory-store.js';
import type {ProgressStore} from '../store/progress.js';
import {App} from './app.js';
import {firstScreenText} from './first-screen.js';
import {fixtureCatalog, fixtureLevel} from './test-helpers/fixtures.js';
import {waitForFrame} from './test-helpers/wait-for-frame.js';

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

/** The app's frame once it is drawn at a terminal size (as many rows as the frame has), as Ink writes it. */
async function appFrame(store: ProgressStore, columns: number, rows: number, color: boolean): Promise<string> {
	const instance = render(<App catalog={catalog} store={store} color={color} />);
	Object.defineProperty(instance.stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(instance.stdout, 'rows', {value: rows, configurable: true});
	instance.stdout.emit('resize');
	await waitForFrame(instance, (frame) => frame.split('\n').length === rows - 1 && frame.split('\n').every((row) => stringWidth(row) <= columns));
	return instance.lastFrame() ?? '';
}

/** Text as terminal cells, written out the way Ink writes a row of cells: equal only if every cell (character and style) is. */
function cells(text: string): string {
	return text
		.split('\n')
		.map((row) => styledCharsToString(styledCharsFromTokens(tokenize(row))).trimEnd())
		.join('\n');
}

describe('firstScreenText', () => {
	const cases: [string, number, number, boolean, readonly string[]][] = [
		['80×24, colour', 80, 24, true, []],
		['80×24, no colour, a store warning', 80, 24, false, ['progress.json was damaged: kept aside as progress.json.bad']],
		['120×40, colour', 120, 40, true, []],
		['a tiny terminal', 40, 12, true, []],
	];
	for (const [name, columns, rows, color, warnings] of cases) {
		it(`puts exactly the app's first frame in the terminal's cells (${name}), so the app's first render changes nothing on screen`, async () => {
			const store = storeWith(warnings);
			const text = firstScreenText({catalog, store, size: {columns, rows}, color, screenReader: false});
			expect(text).toBeDefined();
			expect(text).toContain(columns >= 60 ? 'Second level' : 'Second');
			for (const warning of warnings) expect(text?.replace(/\s+/gu, ' ')).toContain(warning);
			// As many rows as the frame, none wider than the terminal.
			expect(text?.split('\n')).toHaveLength(rows - 1);
			const app = await appFrame(store, columns, rows, color);
			expect(app).toContain(columns >= 60 ? 'Second level' : 'Second');
			expect(cells(text!)).toBe(app);
		});
	}

	it('leaves screen readers to the app: their map is one flowing column, not a screen', () => {
		expect(firstScreenText({catalog, store: storeWith([]), size: {columns: 80, rows: 24}, color: false, screenReader: true})).toBeUndefined();
	});
});
