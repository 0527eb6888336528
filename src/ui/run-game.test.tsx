import {EventEmitter} from 'node:events';
import {describe, expect, it, vi} from 'vitest';
import {memoryProgressStore} from '../store/memory-store.js';
import {colorEnabled, runGame, type RunGameOptions} from './run-game.js';
import {fixtureCatalog} from './test-helpers/fixtures.js';
import {waitForFrame} from './test-helpers/wait-for-frame.js';
import {FakeStdin} from './test-helpers/fake-stdin.js';

// Colours forced on for this file's worker: NO_COLOR is what must turn them off.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

/** A stdout that records what was written. */
class FakeStdout extends EventEmitter {
	columns = 80;
	rows = 24;
	output = '';
	constructor(readonly isTTY: boolean) {
		super();
	}
	write(chunk: string): boolean {
		this.output += chunk;
		return true;
	}
	lastFrame(): string {
		return this.output;
	}
}

type Progress = Pick<RunGameOptions, 'store' | 'preview'>;

/** Runs the game on fake streams; `progress` gives the store (and its preview), seeing the fake stdout. */
function start(isTTY: boolean, env: NodeJS.ProcessEnv, progress: (stdout: FakeStdout) => Progress = () => ({store: memoryProgressStore()})) {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout(isTTY);
	const stderr = new FakeStdout(false);
	const exit = runGame({
		catalog: fixtureCatalog(),
		...progress(stdout),
		color: true,
		env,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
	});
	return {stdin, stdout, exit};
}

describe('runGame', () => {
	it('plays on the alternate screen and leaves it, cursor shown, when the player quits', async () => {
		const {stdin, stdout, exit} = start(true, {});
		// The map is written at once, keys already raw (type-ahead is neither echoed nor held back).
		expect(stdout.output).toContain('Solved 0/1');
		expect(stdin.isRaw).toBe(true);
		await waitForFrame(stdout, (output) => output.includes('Solved 0/1'));
		expect(stdout.output.startsWith('\u001B[?1049h')).toBe(true);
		expect(stdout.output).toMatch(/\u001B\[3\dm/);
		stdin.write('q');
		expect(await exit).toBe(0);
		expect(stdout.output.endsWith('\u001B[?1049l\u001B[?25h')).toBe(true);
		expect(stdin.isRaw).toBe(false);
		// The app's first render drew the very map that was written: nothing to clear.
		expect(stdout.output).not.toContain('\u001B[2J');
	});

	it('keeps keys typed before the app has loaded and gives them to it in order', async () => {
		const {stdin, stdout, exit} = start(true, {});
		// Typed at once, while the first frame is up and the app is still being imported: ↓ onto the broken
		// level, ↓ onto the sandbox, Enter to open it (lost or reordered keys would open something else).
		expect(stdout.output).toContain('Open the website');
		stdin.write('\u001B[B');
		stdin.write('\u001B[B');
		stdin.write('\r');
		await waitForFrame(stdout, (output) => /sandbox/iu.test(output.slice(output.lastIndexOf('Open the website'))) && output.includes('Enter start'));
		stdin.write('q');
		expect(await exit).toBe(0);
	});

	it('draws the first frame from the preview while the store opens, then plays with the store', async () => {
		let onScreenWhenOpened: string | undefined;
		const store = memoryProgressStore({levels: {'fixture-web': {solved: true, stars: 3, hintsUsed: 0, draft: []}}});
		const {stdin, stdout, exit} = start(true, {}, (screen) => ({
			preview: memoryProgressStore(),
			store: async () => {
				onScreenWhenOpened = screen.output;
				return store;
			},
		}));
		// The map was on screen, with the preview's progress, before the store was asked for.
		expect(onScreenWhenOpened).toContain('Solved 0/1');
		await waitForFrame(stdout, (output) => output.includes('Solved 1/1'));
		// The store's map is not the one written: the screen was cleared before the app drew over it.
		const cleared = stdout.output.indexOf('\u001B[2J');
		expect(cleared).toBeGreaterThan(stdout.output.indexOf('Solved 0/1'));
		expect(cleared).toBeLessThan(stdout.output.indexOf('Solved 1/1'));
		stdin.write('q');
		expect(await exit).toBe(0);
	});

	it('leaves the screen alone when stdout is not a terminal, and respects NO_COLOR', async () => {
		const {stdin, stdout, exit} = start(false, {NO_COLOR: '1'});
		await waitForFrame(stdout, (output) => output.includes('Solved 0/1'));
		stdin.write('q');
		expect(await exit).toBe(0);
		expect(stdout.output).not.toContain('\u001B[?1049h');
		expect(stdout.output).not.toMatch(/\u001B\[3\dm/);
	});
});

describe('runGame stopped from outside', () => {
	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
	] as const)('%s closes the game like quitting: alternate screen left, cursor shown, line mode back, 128 + the signal', async (signal, code) => {
		const {stdin, stdout, exit} = start(true, {});
		// Once the app runs: ↓ moves the cursor onto the broken level, which only the app can do.
		const before = stdout.output.length;
		stdin.write('\u001B[B');
		await waitForFrame(stdout, (output) => /› *✗ Broken level/u.test(output.slice(before).replace(/\u001B\[[0-9;?]*[A-Za-z]/gu, '')));
		process.emit(signal, signal);
		expect(await exit).toBe(code);
		expect(stdout.output.endsWith('\u001B[?1049l\u001B[?25h')).toBe(true);
		expect(stdin.isRaw).toBe(false);
	});

	it('a signal while the app is still loading (the first frame on screen) ends the game just as cleanly', async () => {
		const {stdin, stdout, exit} = start(true, {});
		expect(stdout.output).toContain('Solved 0/1');
		process.emit('SIGTERM', 'SIGTERM');
		expect(await exit).toBe(143);
		expect(stdout.output.endsWith('\u001B[?1049l\u001B[?25h')).toBe(true);
		expect(stdin.isRaw).toBe(false);
	});

	it('a terminal that fails to write (EIO: it is gone) closes the game instead of crashing it', async () => {
		const {stdout, exit} = start(true, {});
		await waitForFrame(stdout, (output) => output.includes('Solved 0/1'));
		stdout.emit('error', Object.assign(new Error('write EIO'), {code: 'EIO'}));
		expect(await exit).toBe(129);
	});

	it('TERM=dumb: no alternate screen', async () => {
		const {stdin, stdout, exit} = start(true, {TERM: 'dumb'});
		await waitForFrame(stdout, (output) => output.includes('Solved 0/1'));
		stdin.write('q');
		expect(await exit).toBe(0);
		expect(stdout.output).not.toContain('\u001B[?1049h');
	});
});

describe('runGame for screen readers (INK_SCREEN_READER=true)', () => {
	it('writes a linear transcript in words: no boxes, no symbols for pass and fail', async () => {
		const {stdin, stdout, exit} = start(true, {INK_SCREEN_READER: 'true', NO_COLOR: '1'});
		await waitForFrame(stdout, (output) => output.includes('(recommended next)'));
		expect(stdout.output).not.toContain('\u001B[?1049h');
		stdin.write('\r');
		await waitForFrame(stdout, (output) => output.includes('Q: What does a firewall do?'));
		stdin.write('\r');
		const transcript = await waitForFrame(stdout, (output) => output.includes('Command:'));
		expect(transcript).toContain('failing: A customer reaches the website');
		expect(transcript).toContain('passed: SSH stays closed');
		expect(transcript).not.toMatch(/[┌│└]/);
		stdin.write('\u0003');
		expect(await exit).toBe(0);
	});
});

describe('colorEnabled', () => {
	it.each([
		[true, {}, true],
		[true, {NO_COLOR: '1'}, false],
		[true, {NO_COLOR: ''}, true],
		[false, {}, false],
	])('wanted %s with %o → %s', (wanted, env, expected) => {
		expect(colorEnabled(wanted, env)).toBe(expected);
	});
});
