import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {memoryProgressStore} from '../store/memory-store.js';
import {App} from './app.js';
import {type GameParts, loadGameParts} from './game-parts.js';
import {fakeRules, fixtureCatalog, fixtureLevel} from './test-helpers/fixtures.js';
import {waitForFrame} from './test-helpers/wait-for-frame.js';

/** The workbench's keys, through the whole app (fake session rules, the real Tab completion). */

afterEach(() => cleanup());

const KEYS = {enter: '\r', tab: '\t', up: '\u001B[A', down: '\u001B[B', pageUp: '\u001B[5~', ctrlG: '\u0007', ctrlN: '\u000E', ctrlU: '\u0015', esc: '\u001B'};

async function workbench() {
	const store = memoryProgressStore();
	const app = render(<App catalog={fixtureCatalog([fixtureLevel()])} store={store} rules={fakeRules} color={false} initialLevelId="fixture-web" />);
	await waitForFrame(app, (f) => f.includes('Q: What does a firewall do?'));
	app.stdin.write(KEYS.enter);
	await waitForFrame(app, (f) => f.includes('Goals 2/3'));
	const press = async (keys: string, until: (frame: string) => boolean) => {
		app.stdin.write(keys);
		return waitForFrame(app, until);
	};
	return {app, store, press};
}

describe('the workbench keys', () => {
	it('completes with Tab: a single candidate at once, several listed then cycled', async () => {
		const {press} = await workbench();
		await press('firew', (f) => f.includes('› firew'));
		await press(KEYS.tab, (f) => f.includes('› firewall'));
		let frame = await press(KEYS.tab, (f) => /^Tab (?!complete)/m.test(f));
		expect(frame).toMatch(/^Tab .*insert/m);
		frame = await press(KEYS.tab, (f) => /› firewall \w+/.test(f));
		expect(frame).toMatch(/› firewall (insert|append|remove|policy)/);
	});

	it('brings back earlier lines with ↑ and ↓', async () => {
		const {press} = await workbench();
		await press('hint\r', (f) => f.includes('Hint 1: Look at the firewall.'));
		await press('dig x', (f) => f.includes('› dig x'));
		await press(KEYS.up, (f) => /^› hint$/m.test(f));
		await press(KEYS.down, (f) => /^› dig x$/m.test(f));
	});

	it('clears the prompt after a refused line, and ↑ brings it back to fix', async () => {
		const {press} = await workbench();
		const frame = await press('firewall insert wbe input 1 allow tcp 443\r', (f) => f.includes('^^^'));
		expect(frame).toMatch(/^›\s*$/m);
		await press(KEYS.up, (f) => f.includes('› firewall insert wbe input 1 allow tcp 443'));
	});

	it('runs every line of a paste, one after the other', async () => {
		const {press} = await workbench();
		const frame = await press('hint\rhint\rhint\r', (f) => f.includes('Hint 3: firewall insert web input 1 allow tcp 443'));
		expect(frame).toContain('hints 3/3');
	});

	it('shows the latest hint beside the goals', async () => {
		const {press} = await workbench();
		const frame = await press('hint\r', (f) => f.includes('Hint 1 of 3: Look at the firewall.'));
		expect(frame).toContain('│Goals 2/3');
	});

	it('scrolls the output back with PgUp and follows new output again', async () => {
		const {press} = await workbench();
		await press('hint\r'.repeat(8), (f) => f.includes('hints 8/3') || f.includes('Hint 8:'));
		let frame = await press(KEYS.pageUp, (f) => f.includes('scrolled back'));
		frame = await press('hint\r', (f) => !f.includes('scrolled back'));
		expect(frame).toContain('Hint 9:');
	});

	it('picks a goal with Ctrl+G and opens its trace, why it fails first; a state goal is explained in the log', async () => {
		const {press} = await workbench();
		let frame = await press(KEYS.ctrlG, (f) => f.includes('↑/↓ pick a goal'));
		expect(frame).toContain('›✗ A customer reaches');
		frame = await press(KEYS.enter, (f) => f.includes('Trace A customer reaches the website'));
		expect(frame).toContain('✗ Why the goal fails: It does not get through yet');
		frame = await press(KEYS.esc, (f) => f.includes('Goals 2/3'));
		await press(KEYS.ctrlG, (f) => f.includes('↑/↓ pick a goal'));
		await press(KEYS.down + KEYS.down, (f) => f.includes('›✓ travelbuddy.com resolves'));
		frame = await press(KEYS.enter, (f) => f.includes('checks the setup, not a packet'));
		expect(frame).toContain('What it checks:');
		expect(frame).toContain('Ctrl+G pick');
	});

	it('pages the network with Ctrl+N', async () => {
		const {press} = await workbench();
		await press(KEYS.ctrlN, (f) => /Network {2}page 2\//.test(f));
	});

	it('keeps the line on Esc; Ctrl+U clears it, Esc then goes back, and typing on the briefing comes back with the text', async () => {
		const {press} = await workbench();
		await press('dig x', (f) => f.includes('› dig x'));
		let frame = await press(KEYS.esc, (f) => f.includes('Esc keeps what you typed'));
		expect(frame).toContain('› dig x');
		await press('\u0015', (f) => /^›\s*$/m.test(f));
		await press(KEYS.esc, (f) => f.includes('Enter back to work'));
		frame = await press('dig y', (f) => f.includes('› dig y'));
		expect(frame).toContain('Goals 2/3');
	});

	it('opens help with ? on an empty line, types it otherwise', async () => {
		const {press} = await workbench();
		await press('help ?', (f) => f.includes('› help ?'));
		await press(KEYS.ctrlU, (f) => /^›\s*$/m.test(f));
		await press('?', (f) => f.includes('Keys: Workbench'));
	});
});

describe('keys typed faster than frames, outside the prompt', () => {
	it('takes each character of a run as a key of its own: "jj" and Enter on the map open the third level', async () => {
		const store = memoryProgressStore();
		const catalog = fixtureCatalog([fixtureLevel(), fixtureLevel({id: 'second', title: 'Second level'}), fixtureLevel({id: 'third', title: 'Third level'})]);
		const app = render(<App catalog={catalog} store={store} rules={fakeRules} color={false} />);
		await waitForFrame(app, (f) => f.includes('Third level'));
		app.stdin.write('jj\r');
		const frame = await waitForFrame(app, (f) => f.includes('Enter start'));
		expect(frame.split('\n')[0]).toContain('Third level');
	});

	it('ignores a run that is not made of the screen\'s keys (a paste): "quick" on the map does not quit', async () => {
		const store = memoryProgressStore();
		const catalog = fixtureCatalog([fixtureLevel(), fixtureLevel({id: 'second', title: 'Second level'})]);
		const app = render(<App catalog={catalog} store={store} rules={fakeRules} color={false} />);
		await waitForFrame(app, (f) => f.includes('Second level'));
		app.stdin.write('quick');
		app.stdin.write('j');
		// Still on the map, and still answering keys: j moved the cursor to the second level.
		const frame = await waitForFrame(app, (f) => /› .*Second level/u.test(f));
		expect(frame).toContain('Solved 0/2');
	});
});

describe('before the game\'s parts have loaded', () => {
	it('answers the map\'s keys at once and keeps the others, in order, until the parts arrive', async () => {
		let arrive: (parts: GameParts) => void = () => undefined;
		const held = new Promise<GameParts>((resolve) => {
			arrive = resolve;
		});
		const catalog = fixtureCatalog([fixtureLevel(), fixtureLevel({id: 'second', title: 'Second level'})]);
		const app = render(<App catalog={catalog} store={memoryProgressStore()} rules={fakeRules} color={false} loadParts={() => held} />);
		await waitForFrame(app, (f) => f.includes('Second level'));
		// The map moves and opens a briefing without the parts…
		app.stdin.write('j');
		await waitForFrame(app, (f) => /› .*Second level/u.test(f));
		app.stdin.write('\r');
		await waitForFrame(app, (f) => f.includes('Enter start') && f.split('\n')[0]!.includes('Second level'));
		// …starting the level needs them: Enter and the text typed after it wait.
		app.stdin.write('\r');
		app.stdin.write('firew');
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(app.lastFrame()).toContain('Enter start');
		arrive(await loadGameParts());
		await waitForFrame(app, (f) => f.includes('› firew'));
	});
});

