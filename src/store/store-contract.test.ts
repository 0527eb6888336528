import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openProgressStore} from './file-store.js';
import {memoryProgressStore} from './memory-store.js';
import type {ProgressStore} from './progress.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** A fresh temp data directory, removed after the test. */
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-store-'));
	dirs.push(dir);
	return dir;
}

const implementations: [string, () => ProgressStore][] = [
	['memory store', () => memoryProgressStore()],
	['file store', () => openProgressStore({dataDir: tempDir()})],
];

describe.each(implementations)('the progress store contract: %s', (_name, open) => {
	it('starts empty with default settings and no warnings', () => {
		const store = open();
		expect(store.getLevel('01-dns')).toBeUndefined();
		expect(store.allLevels()).toEqual({});
		expect(store.getSettings()).toEqual({color: 'auto'});
		expect(store.warnings).toEqual([]);
	});

	it('saves a draft with its level hash and replaces it on the next save', () => {
		const store = open();
		store.saveDraft('01-dns', ['dns add travelbuddy.com A 203.0.113.10'], 'hash-1');
		expect(store.getLevel('01-dns')).toEqual({
			solved: false,
			stars: 0,
			hintsUsed: 0,
			draft: ['dns add travelbuddy.com A 203.0.113.10'],
			levelHash: 'hash-1',
		});
		store.saveDraft('01-dns', [], 'hash-2');
		expect(store.getLevel('01-dns')?.draft).toEqual([]);
		expect(store.getLevel('01-dns')?.levelHash).toBe('hash-2');
	});

	it('keeps the best stars and the fewest commands, and a solved level stays solved', () => {
		const store = open();
		store.recordResult('02-ports', {stars: 2, commands: 5, hintsUsed: 1});
		store.recordResult('02-ports', {stars: 1, commands: 3, hintsUsed: 2});
		store.recordResult('02-ports', {stars: 3, commands: 7, hintsUsed: 0});
		expect(store.getLevel('02-ports')).toMatchObject({solved: true, stars: 3, bestCommands: 3, hintsUsed: 0});
	});

	it('keeps the draft when a result is recorded, and the result when a draft is saved', () => {
		const store = open();
		store.saveDraft('03-nat', ['a', 'b'], 'h');
		store.recordResult('03-nat', {stars: 2, commands: 2, hintsUsed: 0, levelHash: 'h'});
		store.saveDraft('03-nat', ['a'], 'h');
		expect(store.getLevel('03-nat')).toEqual({solved: true, stars: 2, bestCommands: 2, hintsUsed: 0, draft: ['a'], levelHash: 'h'});
	});

	it('counts hints per level without touching other levels', () => {
		const store = open();
		store.recordResult('a', {stars: 3, commands: 1, hintsUsed: 0});
		store.setHintsUsed('b', 2);
		expect(store.getLevel('b')).toEqual({solved: false, stars: 0, hintsUsed: 2, draft: []});
		expect(store.getLevel('a')).toMatchObject({solved: true, stars: 3});
		expect(Object.keys(store.allLevels()).sort()).toEqual(['a', 'b']);
	});

	it('clamps nonsense numbers instead of saving an unreadable entry', () => {
		const store = open();
		store.recordResult('a', {stars: 7, commands: -2, hintsUsed: Number.NaN});
		expect(store.getLevel('a')).toMatchObject({stars: 3, bestCommands: 0, hintsUsed: 0});
	});

	it('patches settings', () => {
		const store = open();
		store.setSettings({color: 'never'});
		expect(store.getSettings()).toEqual({color: 'never'});
		store.setSettings({});
		expect(store.getSettings()).toEqual({color: 'never'});
	});

	it('hands out copies: changing a returned draft does not change the store', () => {
		const store = open();
		store.saveDraft('a', ['x'], 'h');
		const level = store.getLevel('a');
		(level?.draft as string[]).push('y');
		expect(store.getLevel('a')?.draft).toEqual(['x']);
	});

	it('treats a level id like "__proto__" or with dots as a plain key', () => {
		const store = open();
		store.saveDraft('__proto__', ['x']);
		store.saveDraft('1.2.x', ['y']);
		expect(store.getLevel('__proto__')?.draft).toEqual(['x']);
		expect(store.getLevel('1.2.x')?.draft).toEqual(['y']);
		expect(store.getLevel('toString')).toBeUndefined();
	});
});
