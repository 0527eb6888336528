import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

/**
 * The layer rules of DESIGN.md, enforced: pure layers import no IO, no UI and
 * no store; arrows only point the allowed way.
 */

const root = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
	});
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
	return specifiers.map((match) => (match[1] ?? match[2])!);
}

/** The layers each layer may import (besides itself and npm packages that are not banned). */
const allowed: Record<string, string[]> = {
	engine: [],
	commands: ['engine'],
	levels: ['engine', 'commands'],
	game: ['engine', 'commands', 'levels'],
	store: [],
	ui: ['game', 'commands', 'engine', 'levels', 'store'],
};

const banned: Record<string, RegExp> = {
	engine: /^(node:|fs$|path$|react|ink|conf$)/,
	commands: /^(node:|fs$|path$|react|ink|conf$)/,
	game: /^(node:|fs$|path$|react|ink|conf$)/,
	levels: /^(react|ink|conf$)/,
	store: /^(react|ink)/,
	ui: /^conf$/,
};

function layerOf(file: string): string | undefined {
	const relative = path.relative(root, file).split(path.sep);
	return relative.length > 1 ? relative[0] : undefined;
}

describe('layers', () => {
	const files = sourceFiles(root);

	it('finds the source tree', () => {
		expect(files.some((file) => file.includes(`${path.sep}engine${path.sep}`))).toBe(true);
	});

	for (const file of files) {
		const layer = layerOf(file);
		if (!layer || !(layer in allowed)) continue;
		it(`${path.relative(root, file)} imports only what ${layer} may`, () => {
			const wrong: string[] = [];
			for (const specifier of importsOf(file)) {
				if (specifier.startsWith('.')) {
					const target = layerOf(path.resolve(path.dirname(file), specifier));
					if (target && target !== layer && !allowed[layer]!.includes(target)) wrong.push(specifier);
				} else if (banned[layer]!.test(specifier)) {
					wrong.push(specifier);
				}
			}
			expect(wrong).toEqual([]);
		});
	}
});
