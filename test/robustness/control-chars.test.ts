import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {sessionReducer, startSession} from '../../src/game/index.js';
import {builtInLevelsDir, findLevel, loadCatalog} from '../../src/levels/load.js';
import {memoryProgressStore} from '../../src/store/memory-store.js';
import {KEY, settle, startGame, waitForGame} from './support/game.js';
import {hostileLevel} from './support/hostile.js';
import {ROOT} from './support/tmux.js';

/**
 * No control character reaches any output (issue 15.5). A student's hand-in is
 * read by an instructor's terminal: `netquest check --json report | jq -r …`
 * decodes every `\u001b` of the JSON back into a real ESC, so an OSC 52 in an
 * answer line would write the instructor's clipboard, an OSC 0 set the title,
 * an OSC 8 hide a link. Lines holding a control character are refused where
 * they are parsed, naming the byte; what is echoed of a line is capped.
 */

/** Bytes a terminal acts on: C0 except newline and tab, DEL, C1 (as UTF-8 decodes them). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

const ESC = '\u001B';
const BEL = '\u0007';
const SEQUENCES = {
	'OSC 52 (clipboard)': `${ESC}]52;c;ZWNobyBwd25lZA==${BEL}`,
	'OSC 0 (title)': `${ESC}]0;pwned${BEL}`,
	'OSC 8 (hyperlink)': `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`,
	'CSI (clear screen)': `${ESC}[2J${ESC}[H`,
	'8-bit CSI': '\u009B31m',
	'8-bit OSC': '\u009D0;pwned\u009C',
	NUL: '\u0000',
	DEL: '\u007F',
} as const;

const SOLUTION = [
	'firewall append web input allow established',
	'firewall append web input allow on lo',
	'firewall append web input allow tcp 80',
	'firewall append web input allow tcp 443',
	'firewall append web input allow tcp 22 from 192.0.2.0/24',
	'firewall policy web input deny',
];

/** Runs `netquest check <level> <file> [--json]` as a real process, stdout through `jq -r` when asked (a shell pipe, as an instructor types it). */
function check(level: string, file: string, options: {json: boolean}): Promise<{code: number; stdout: string; stderr: string}> {
	const cli = `node --import tsx src/cli.tsx check ${JSON.stringify(level)} ${JSON.stringify(file)}`;
	const script = options.json ? `set -o pipefail; ${cli} --json | jq -r '.. | strings'` : cli;
	return new Promise((resolve) => {
		execFile('bash', ['-c', script], {cwd: ROOT, env: {...process.env, NO_COLOR: '1', NETQUEST_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'nq-cc-'))}, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			resolve({code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr});
		});
	});
}

function handIn(dir: string, name: string, lines: readonly string[]): string {
	const file = path.join(dir, name);
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	return file;
}

describe('control characters never reach an output', () => {
	it.each(Object.entries(SEQUENCES))('%s in an answer line (a word, a quoted label, a whole line): refused naming the byte, nothing of it in check, check --json | jq -r', async (_name, sequence) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq-cc-'));
		const files = [
			handIn(dir, 'word.txt', [...SOLUTION.slice(0, 2), `firewall append web input allow tcp ${sequence} 80`, ...SOLUTION.slice(2)]),
			handIn(dir, 'label.txt', [`host create evil --label "a ${sequence} b"`, ...SOLUTION]),
			handIn(dir, 'line.txt', [...SOLUTION, sequence]),
		];
		const runs = await Promise.all(files.flatMap((file) => [check('07-host-firewall', file, {json: true}), check('07-host-firewall', file, {json: false})]));
		for (const run of runs) {
			expect(run.code, run.stderr).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toMatch(/:\d+: (byte 0x[0-9a-f]{2}|character U\+[0-9A-F]{4}) \([A-Z0-9]+\) at column \d+ is a control character/u);
			expect(run.stderr).not.toMatch(CONTROL);
		}
	});

	it('the byte and column named are the first control character of the line, and the caret is under it', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq-cc-'));
		const file = handIn(dir, 'osc52.txt', [`app add web ${SEQUENCES['OSC 52 (clipboard)']} 8000`]);
		const run = await check('07-host-firewall', file, {json: true});
		const lines = run.stderr.split('\n');
		expect(lines[0]).toContain('osc52.txt:1: byte 0x1b (ESC) at column 13 is a control character');
		expect(lines[2]).toBe(`  ${' '.repeat(12)}^`);
		expect(lines[1]!.slice(2, 15)).toBe('app add web ␛');
	});

	it('a file of a megabyte of NUL bytes (and one of a megabyte-long word) echoes short lines, not a megabyte of carets', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq-cc-'));
		const nul = path.join(dir, 'nul.txt');
		fs.writeFileSync(nul, Buffer.alloc(1024 * 1024 - 16));
		const word = handIn(dir, 'word.txt', [`firewall append web input allow tcp ${'8'.repeat(1024 * 1024 - 200)}`]);
		const [nulRun, wordRun] = await Promise.all([check('07-host-firewall', nul, {json: true}), check('07-host-firewall', word, {json: false})]);
		expect(nulRun.stderr).toContain('byte 0x00 (NUL) at column 1 is a control character');
		for (const run of [nulRun, wordRun]) {
			expect(run.code).toBe(2);
			expect(run.stderr.length, run.stderr.slice(0, 400)).toBeLessThan(1000);
			expect(run.stderr).not.toMatch(CONTROL);
		}
	});

	it('in comments the sequences are ignored, the hand-in is graded, and the report through jq -r holds none of them', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq-cc-'));
		const file = handIn(dir, 'comments.txt', [...Object.values(SEQUENCES).map((sequence) => `# ${sequence}`), ...SOLUTION]);
		const [json, text] = await Promise.all([check('07-host-firewall', file, {json: true}), check('07-host-firewall', file, {json: false})]);
		expect(json.code, json.stderr).toBe(0);
		expect(json.stdout).toContain('07-host-firewall');
		expect(text.code).toBe(0);
		for (const run of [json, text]) expect(run.stdout + run.stderr).not.toMatch(CONTROL);
	});

	it('a level whose every text holds escape sequences: check --json | jq -r and the text report stay free of them', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nq-cc-'));
		const level = JSON.parse(fs.readFileSync(path.join(builtInLevelsDir(), '07-host-firewall.json'), 'utf8')) as Parameters<typeof hostileLevel>[0];
		const levelFile = path.join(dir, 'hostile-07.json');
		fs.writeFileSync(levelFile, JSON.stringify(hostileLevel(level)));
		const wrong = handIn(dir, 'wrong.txt', SOLUTION.slice(2));
		const [json, text] = await Promise.all([check(levelFile, wrong, {json: true}), check(levelFile, wrong, {json: false})]);
		expect(json.code, json.stderr).toBe(1);
		expect(text.code).toBe(1);
		expect(json.stdout.length).toBeGreaterThan(100);
		for (const run of [json, text]) expect(run.stdout + run.stderr).not.toMatch(CONTROL);
	});

	it('typed or pasted into the game: the prompt keeps none of it, the screen holds none of it', async () => {
		const catalog = loadCatalog({builtInDir: builtInLevelsDir()});
		const game = startGame({catalog, store: memoryProgressStore(), initialLevelId: '07-host-firewall', columns: 100, rows: 30});
		try {
			await waitForGame(game, (frame) => frame.includes('A firewall on the server'));
			game.type(KEY.enter);
			await waitForGame(game, (frame) => frame.includes('Enter run'));
			const pasted = (text: string) => `${ESC}[200~${text}${ESC}[201~`;
			for (const sequence of ['\u009B31m', '\u0000', pasted(`firewall append web input allow tcp ${SEQUENCES['OSC 0 (title)']} 80`), pasted(`host create a --label "${SEQUENCES['OSC 52 (clipboard)']}"`)]) {
				if (!sequence.startsWith(ESC)) game.type('firewall append web input allow tcp ');
				game.type(sequence);
				await settle(game);
				game.type(KEY.enter);
				await settle(game);
				// Ink's own cursor and colour escapes are ESC [ … ; nothing else of the C0/C1 sets, and no OSC.
				expect(game.raw()).not.toMatch(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]|\u001b\]/u);
			}
		} finally {
			game.stop();
		}
	});

	it('the session rules refuse a line holding one, naming the byte, whatever the UI lets through', () => {
		const entry07 = findLevel(loadCatalog({builtInDir: builtInLevelsDir()}), '07-host-firewall');
		if (entry07 === undefined) throw new Error('level 07 missing');
		const state = startSession(entry07.level);
		for (const [name, sequence] of Object.entries(SEQUENCES)) {
			const next = sessionReducer(state, {type: 'submit', text: `firewall append web input allow tcp 80 ${sequence}`});
			const entry = next.log.at(-1)!;
			expect(entry.kind, name).toBe('error');
			expect(entry.lines.join(' '), name).toMatch(/(byte 0x[0-9a-f]{2}|character U\+[0-9A-F]{4}) \([A-Z0-9]+\) at column 40 is a control character/u);
			expect(next.network, name).toBe(state.network);
		}
	});
});
