import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

/** The command language is pure: no IO, no UI, no clock, no randomness (tests excepted). */

const root = dirname(fileURLToPath(import.meta.url));

function sources(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('src/commands', () => {
	it.each(sources(root).map((path) => [path.slice(root.length + 1), path]))('%s is pure', (_, path) => {
		const text = readFileSync(path, 'utf8');
		expect(text).not.toMatch(/from '(node:|fs|path|react|ink|conf)/);
		expect(text).not.toMatch(/from '\.\.\/(ui|store|game|levels|cli)/);
		expect(text).not.toMatch(/Date\.now|new Date|Math\.random|process\./);
	});
});
