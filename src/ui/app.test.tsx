import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {memoryProgressStore} from '../store/memory-store.js';
import {App} from './app.js';
import {fakeRules, fixtureCatalog, fixtureLevel} from './test-helpers/fixtures.js';
import {plainFrame, waitForFrame} from './test-helpers/wait-for-frame.js';

// Colours are forced on for this file's worker, so "colour off" really means the app wrote none.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

afterEach(() => cleanup());

const ENTER = '\r';
const ESC = '\u001B';
const CTRL_T = '\u0014';
const RIGHT = '\u001B[C';

function renderApp(options: {columns?: number; rows?: number; initialLevelId?: string; color?: boolean} = {}) {
	const store = memoryProgressStore();
	const catalog = fixtureCatalog([fixtureLevel(), fixtureLevel({id: 'second', title: 'Second level'})]);
	const instance = render(<App catalog={catalog} store={store} rules={fakeRules} color={options.color ?? false} initialLevelId={options.initialLevelId} />);
	resize(instance.stdout, options.columns ?? 80, options.rows ?? 24);
	return {...instance, store};
}

function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	stdout.emit('resize');
}

type Typable = {readonly stdin: {write(data: string): void}; readonly lastFrame: () => string | undefined};

async function type(instance: Typable, text: string, until: (frame: string) => boolean): Promise<string> {
	instance.stdin.write(text);
	return waitForFrame(instance, until);
}

describe('App', () => {
	it('plays a level from the map to level complete, saving as it goes', async () => {
		const app = renderApp();
		let frame = await waitForFrame(app, (f) => f.includes('Solved 0/2'));
		expect(frame).toContain('› … ☆☆☆ Open the website  ◆ next'.replace('… ', '  '));
		expect(frame).toContain('✗ Broken level (cannot be played)');
		expect(frame).toContain('Sandbox — a free network with every command');

		frame = await type(app, ENTER, (f) => f.includes('Q: What does a firewall do?'));
		frame = await type(app, ENTER, (f) => f.includes('Goals 2/3'));
		expect(frame).toContain('┌ internet');
		expect(frame).toContain('✗ A customer reaches the');

		frame = await type(app, 'rout add x', (f) => f.includes('› rout add x'));
		frame = await type(app, ENTER, (f) => f.includes("unknown command 'rout'"));
		expect(frame).toContain('  ^^^^');
		expect(frame).toMatch(/^›\s*$/m);
		frame = await type(app, 'curl laptop http://travelbuddy.com:8080', (f) => f.includes('8080'));
		frame = await type(app, ENTER, (f) => f.includes('Ctrl+T: step through'));
		frame = await type(app, CTRL_T, (f) => f.includes('Hop 1 of 4'));
		expect(frame).toContain('┃ laptop ┃ → │ gw │ → │ ✗ db │');
		frame = await type(app, RIGHT, (f) => f.includes('Hop 2 of 4'));
		expect(frame).toContain('rewritten   destination 203.0.113.1:8080 ⇒ 10.0.1.20:80');
		frame = await type(app, 'b', (f) => f.includes('Hop 4 of 4'));
		expect(frame).toContain('✗ Blocked here: DENIED_BY_HOST_FIREWALL');
		frame = await type(app, ESC, (f) => f.includes('Goals 2/3'));

		frame = await type(app, 'firewall insert web input 1 allow tcp 443', (f) => f.includes('tcp 443'));
		frame = await type(app, ENTER, (f) => f.includes('Level complete'));
		expect(frame).toContain('★★★');
		expect(frame).toContain('$ iptables -I INPUT 1 -p tcp --dport 443 -j ACCEPT');
		expect(frame).toContain('Next: Second level');
		expect(app.store.getLevel('fixture-web')).toMatchObject({solved: true, stars: 3, draft: ['firewall insert web input 1 allow tcp 443']});

		frame = await type(app, ENTER, (f) => f.includes('Second level ·'));
		frame = await type(app, ESC, (f) => f.includes('Solved 1/2'));
		expect(frame).toContain('✓ ★★★ Open the website');
	});

	it('says the store’s warnings on the map until the player moves on', async () => {
		const store = memoryProgressStore();
		store.warnings.push('progress.json was corrupted; kept aside as progress.json.corrupt-1');
		const app = render(<App catalog={fixtureCatalog()} store={store} rules={fakeRules} color={false} />);
		await waitForFrame(app, (f) => f.includes('⚠ progress.json was corrupted'));
		await type(app, ENTER, (f) => f.includes('Q: What does'));
		const frame = await type(app, ESC, (f) => f.includes('Solved 0/1'));
		expect(frame).not.toContain('corrupted');
	});

	it('says a warning that arrives while a level is open on the map afterwards, and one given at start even when the game starts on a level', async () => {
		const store = memoryProgressStore();
		const app = render(<App catalog={fixtureCatalog()} store={store} rules={fakeRules} color={false} />);
		await waitForFrame(app, (f) => f.includes('Solved 0/1'));
		await type(app, ENTER, (f) => f.includes('Q: What does'));
		store.warnings.push('progress.json was damaged while you played; kept aside as progress.json.corrupt-1');
		await type(app, ESC, (f) => f.includes('Solved 0/1'));
		await waitForFrame(app, (f) => f.includes('⚠ progress.json was damaged while you played'));
		cleanup();
		const early = memoryProgressStore();
		early.warnings.push('progress.json was corrupted; kept aside as progress.json.corrupt-1');
		const onLevel = render(<App catalog={fixtureCatalog()} store={early} rules={fakeRules} color={false} initialLevelId="fixture-web" />);
		await waitForFrame(onLevel, (f) => f.includes('Q: What does'));
		await type(onLevel, ESC, (f) => f.includes('Solved 0/1'));
		await waitForFrame(onLevel, (f) => f.includes('⚠ progress.json was corrupted'));
	});

	it('opens help with ? and closes it with Esc', async () => {
		const app = renderApp();
		await waitForFrame(app, (f) => f.includes('Solved 0/2'));
		let frame = await type(app, '?', (f) => f.includes('Keys: Map'));
		expect(frame).toContain('Outcome codes'.slice(0, 0));
		frame = await type(app, ESC, (f) => f.includes('Solved 0/2'));
		expect(frame).not.toContain('Keys: Map');
	});

	it('starts on the briefing of the level asked for, and says when there is no such level', async () => {
		const app = renderApp({initialLevelId: 'second'});
		await waitForFrame(app, (f) => f.includes('Second level · 1 · One server'));
		cleanup();
		const missing = renderApp({initialLevelId: 'nope'});
		await waitForFrame(missing, (f) => f.includes('There is no playable level "nope"'));
	});

	it('keeps the draft in the store after every change', async () => {
		const app = renderApp({initialLevelId: 'fixture-web'});
		await waitForFrame(app, (f) => f.includes('Q: What does a firewall do?'));
		await type(app, ENTER, (f) => f.includes('Goals 2/3'));
		expect(app.store.getLevel('fixture-web')).toBeUndefined();
		await type(app, 'hint', (f) => f.includes('› hint'));
		await type(app, ENTER, (f) => f.includes('Hint 1: Look at the firewall.'));
		expect(app.store.getLevel('fixture-web')?.hintsUsed).toBe(1);
	});

	it('follows resizes and survives tiny windows', async () => {
		const app = renderApp({columns: 40, rows: 10, initialLevelId: 'fixture-web'});
		const fits = (columns: number, rows: number) => (f: string) => f.split('\n').length <= rows - 1 && f.split('\n').every((line) => line.length <= columns);
		await waitForFrame(app, (f) => f.includes('Q: What') && fits(40, 10)(f));
		let frame = await type(app, ENTER, (f) => f.includes('Goals 2/3'));
		expect(fits(40, 10)(frame)).toBe(true);
		expect(frame).not.toContain('┌ internet');
		expect(frame).toContain('Goals 2/3 ✗ A customer');
		resize(app.stdout, 120, 40);
		frame = await waitForFrame(app, (f) => f.includes('┌ internet'));
		expect(frame.split('\n')).toHaveLength(39);
		expect(fits(120, 40)(frame)).toBe(true);
		resize(app.stdout, 20, 5);
		frame = await waitForFrame(app, (f) => !f.includes('┌ internet'));
		expect(fits(20, 5)(frame)).toBe(true);
		resize(app.stdout, 1, 1);
		await waitForFrame(app, (f) => f.split('\n').length <= 1);
		resize(app.stdout, 80, 24);
		frame = await waitForFrame(app, (f) => f.includes('┌ internet'));
		expect(fits(80, 24)(frame)).toBe(true);
	});

	it('writes no colour at all when colour is off, and colours when it is on', async () => {
		const app = renderApp({color: false});
		await waitForFrame(app, (f) => f.includes('Solved 0/2'));
		expect(app.lastFrame()).not.toMatch(/\u001B\[/);
		expect(plainFrame(app)).toContain('›');
		cleanup();
		const colourful = renderApp({color: true});
		await waitForFrame(colourful, (f) => f.includes('Solved 0/2'));
		expect(colourful.lastFrame()).toMatch(/\u001B\[/);
	});
});
