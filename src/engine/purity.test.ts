import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import * as engine from './index.js';

const folder = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

/** What the engine may not touch: node built-ins, the UI stack, the store, the clock, randomness. */
const forbidden: readonly [string, RegExp][] = [
	['a node: import', /from\s+['"]node:/],
	['a node built-in', /from\s+['"](fs|path|os|child_process|process)['"]/],
	['React or Ink', /from\s+['"](react|ink|ink-[a-z-]+)['"]/],
	['conf', /from\s+['"]conf['"]/],
	['the clock', /\bDate\.now\(|new Date\(|performance\.now\(/],
	['randomness', /Math\.random\(/],
	['the process', /\bprocess\.(env|exit|argv|stdout|stderr|stdin|cwd)\b/],
];

describe('the engine is pure', () => {
	it.each(sources)('%s imports no IO, clock or randomness', (name) => {
		const text = readFileSync(join(folder, name), 'utf8');
		for (const [what, pattern] of forbidden) expect(pattern.test(text), `${name} uses ${what}`).toBe(false);
	});

	it('exports its public API from index.ts', () => {
		for (const name of ['trace', 'grade', 'validateNetwork', 'resolveName', 'network', 'parseAddress', 'flowSchema', 'goalSchema', 'OUTCOME_CODES', 'EPHEMERAL_PORTS']) {
			expect(engine, name).toHaveProperty(name);
		}
	});
});
