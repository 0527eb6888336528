import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runCli} from '../../src/cli/main.js';

/** The repository root: CLI tests run from here, so fixture paths print as `test/fixtures/…`. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The fixture level packs. */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'levels');

/** What one in-process run printed and returned. */
export type CliRun = {readonly code: number; readonly stdout: string; readonly stderr: string};

/** Options of a test run: the data directory (NETQUEST_HOME), the built-in pack, terminals. */
export type RunOptions = {
	readonly home?: string;
	readonly builtInDir?: string;
	readonly cwd?: string;
	readonly env?: Record<string, string>;
	readonly tty?: boolean;
};

/** Runs `netquest <argv>` in-process with a fake io. Built-in levels default to the `good` fixture pack. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		env: {NETQUEST_HOME: options.home ?? tempDir(), ...options.env},
		cwd: options.cwd ?? ROOT,
		stdinIsTTY: options.tty ?? false,
		stdoutIsTTY: options.tty ?? false,
		builtInDir: options.builtInDir ?? path.join(FIXTURES, 'good'),
	});
	return {code, stdout, stderr};
}

const made: string[] = [];

/** A fresh temporary directory, removed by `removeTempDirs`. */
export function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-cli-'));
	made.push(dir);
	return dir;
}

/** Removes every directory `tempDir` made (call in afterAll). */
export function removeTempDirs(): void {
	for (const dir of made.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
}

/** Writes `text` to a new file in a temporary directory and returns its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
	const file = path.join(tempDir(), name);
	fs.writeFileSync(file, text);
	return file;
}
