import {describe, expect, it} from 'vitest';
import type {LevelProgress} from '../../store/progress.js';
import {lineText} from '../text/styled-line.js';
import {fixtureCatalog, fixtureLevel} from '../test-helpers/fixtures.js';
import {buildMapItems, initialCursor, mapProgress, moveCursor, selectableIndexes} from './map-items.js';
import {mapDetailLines} from './map-detail.js';
import {mapLines, progressText, starsText} from './map-lines.js';

const one = fixtureLevel();
const two = fixtureLevel({id: 'second', title: 'Second level', chapter: '2 · Subnets'});
const progress: Record<string, LevelProgress> = {
	'fixture-web': {solved: true, stars: 2, hintsUsed: 1, draft: ['x']},
	second: {solved: false, stars: 0, hintsUsed: 0, draft: ['a', 'b']},
};
const items = buildMapItems(fixtureCatalog([one, two]), (id) => progress[id], 'second');

describe('buildMapItems', () => {
	it('lists the campaign by chapter, broken files, then the sandbox', () => {
		expect(items.map((item) => item.kind)).toEqual(['heading', 'heading', 'level', 'heading', 'level', 'broken', 'sandbox']);
		expect(items[1]).toMatchObject({kind: 'heading', text: '1 · One server'});
		expect(items[4]).toMatchObject({kind: 'level', recommended: true});
		expect(items[5]).toMatchObject({kind: 'broken', title: 'Broken level', count: 1, file: 'broken.json'});
	});

	it('counts progress over the playable levels', () => {
		expect(mapProgress(items)).toEqual({solved: 1, total: 2, stars: 2, maxStars: 6});
		expect(progressText(mapProgress(items))).toBe('Solved 1/2 · ★ 2/6');
	});

	it('lists other packs after the campaign with where they come from', () => {
		const catalog = fixtureCatalog([one], false);
		const withPack = {...catalog, packs: [...catalog.packs, {title: 'Course', dir: '/course', source: 'extra' as const, levels: []}]};
		const built = buildMapItems(withPack, () => undefined, undefined);
		expect(built.slice(3).map((item) => (item.kind === 'heading' ? `${item.text}|${item.detail ?? ''}` : item.kind))).toEqual(['Course|extra · /course', '(no levels in this folder)|', 'sandbox']);
	});
});

describe('the map cursor', () => {
	it('starts on the recommended level and skips headings', () => {
		expect(initialCursor(items)).toBe(4);
		expect(initialCursor(items, 'fixture-web')).toBe(2);
		expect(selectableIndexes(items)).toEqual([2, 4, 5, 6]);
		expect(moveCursor(items, 2, 1)).toBe(4);
		expect(moveCursor(items, 4, -1)).toBe(2);
		expect(moveCursor(items, 2, -1)).toBe(2);
		expect(moveCursor(items, 2, 100)).toBe(6);
		expect(moveCursor(items, 3, 1)).toBe(4);
		expect(moveCursor(items, 3, -1)).toBe(2);
	});
});

describe('mapDetailLines', () => {
	it('describes the selected level, broken file or sandbox', () => {
		expect(mapDetailLines(items[4], 200).map(lineText)).toEqual(['2 · Subnets · in progress: 2 commands saved · Let customers reach the website on port 443, and nothing else.']);
		expect(mapDetailLines(items[2], 200).map(lineText)[0]).toContain('solved with 2 stars');
		expect(mapDetailLines(items[5], 200).map(lineText)[0]).toBe('1 problem; netquest validate lists them all. First: levels/broken.json:3:5: expected a string (at /title)');
		expect(mapDetailLines(items[6], 200).map(lineText)[0]).toMatch(/^Build anything/);
		expect(mapDetailLines(items[0], 200)).toEqual([]);
	});
});

describe('mapLines', () => {
	it('shows stars, status, the next level and broken files with their first problem', () => {
		const lines = mapLines(items, 4, 80, 40).map(lineText);
		expect(lines).toContain('  ✓ ★★☆ Open the website');
		expect(lines).toContain('› … ☆☆☆ Second level  ◆ next');
		expect(lines).toContain('  ✗ Broken level (cannot be played)');
		expect(lines).toContain('      levels/broken.json:3:5: expected a string (at /title)');
		expect(lines.at(-1)).toBe('  Sandbox — a free network with every command');
	});

	it('keeps the selected row in a short window', () => {
		const lines = mapLines(items, 6, 80, 3).map(lineText);
		expect(lines).toHaveLength(3);
		expect(lines.at(-1)).toBe('› Sandbox — a free network with every command');
	});

	it('uses words for screen readers', () => {
		expect(mapLines(items, 2, 80, 40, true).map(lineText)).toContain('› solved, 2 of 3 stars, Open the website');
		expect(starsText(1)).toBe('★☆☆');
	});
});
