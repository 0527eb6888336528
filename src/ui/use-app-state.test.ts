import {describe, expect, it} from 'vitest';
import {fakeRules, fixtureLevel} from './test-helpers/fixtures.js';
import {type AppAction, type AppState, createAppReducer, initialAppState} from './use-app-state.js';

const reducer = createAppReducer(fakeRules);
const run = (actions: readonly AppAction[], state: AppState = initialAppState()): AppState => actions.reduce(reducer, state);
const level = fixtureLevel();
const open: AppAction = {type: 'open-level', level, hash: 'h1', saved: {draft: ['dns add a A 1.2.3.4'], hintsUsed: 1}};
const typed = (text: string): AppAction[] => [{type: 'console', action: {type: 'insert', text}}, {type: 'submit'}];

describe('appReducer: navigation', () => {
	it('goes map → briefing → workbench, starting the session from the saved work', () => {
		const briefing = run([open]);
		expect(briefing.screen).toBe('briefing');
		expect(briefing.current?.session).toBeUndefined();
		const bench = reducer(briefing, {type: 'start'});
		expect(bench.screen).toBe('workbench');
		expect(bench.current?.session?.draft).toEqual(['dns add a A 1.2.3.4']);
		expect(bench.current?.session?.hintsRevealed).toBe(1);
	});

	it('goes back one screen at a time with Esc: workbench → briefing → map', () => {
		const bench = run([open, {type: 'start'}]);
		expect(reducer(bench, {type: 'back'}).screen).toBe('briefing');
		expect(run([{type: 'back'}, {type: 'back'}], bench).screen).toBe('map');
	});

	it('resumes the same session when the same level is opened again', () => {
		const bench = run([open, {type: 'start'}, ...typed('hint'), {type: 'show-map'}, open, {type: 'start'}]);
		expect(bench.current?.session?.hintsRevealed).toBe(2);
	});

	it('puts saved commands that no longer replay into the prompt history, and says so', () => {
		const stale = createAppReducer({
			...fakeRules,
			startSession: (level) => ({...fakeRules.startSession(level), draftProblem: 'line 1 was refused', staleDraft: ['old one', 'old two']}),
		});
		const state = [open, {type: 'start'} as const, {type: 'console', action: {type: 'history-previous'}} as const].reduce(stale, initialAppState());
		expect(state.console.text).toBe('old two');
		const fresh = [open, {type: 'start'} as const].reduce(stale, initialAppState());
		expect(fresh.notice).toMatch(/old commands are in the history/);
	});

	it('starts afresh when another level (or a changed one) is opened', () => {
		const first = run([open, {type: 'start'}, ...typed('hint')]);
		const changed = run([{type: 'open-level', level, hash: 'h2', saved: {draft: [], hintsUsed: 0}}, {type: 'start'}], first);
		expect(changed.current?.session?.hintsRevealed).toBe(0);
	});
});

describe('appReducer: the prompt and the session', () => {
	it('runs the typed line, remembers it, and empties the prompt', () => {
		const state = run([open, {type: 'start'}, ...typed('curl laptop http://travelbuddy.com')]);
		expect(state.console.text).toBe('');
		// The saved commands come first: ↑ brings back what was typed before a restart.
		expect(state.console.history).toEqual(['dns add a A 1.2.3.4', 'curl laptop http://travelbuddy.com']);
		expect(state.current?.session?.log.at(-1)?.trace).toBeDefined();
	});

	it('keeps the prompt history per level', () => {
		const other = {...level, id: 'other-level'};
		const openOther: AppAction = {type: 'open-level', level: other, hash: 'h2', saved: {draft: [], hintsUsed: 0}};
		const inA = run([open, {type: 'start'}, ...typed('dig a')]);
		const inB = run([openOther, {type: 'start'}, ...typed('dig b')], inA);
		expect(inB.console.history).toEqual(['dig b']);
		const backInA = run([open, {type: 'start'}], inB);
		expect(backInA.console.history).toEqual(['dns add a A 1.2.3.4', 'dig a']);
	});

	it('clears the prompt after an erroneous line and keeps it in the history', () => {
		const state = run([open, {type: 'start'}, ...typed('rout add x')]);
		expect(state.console).toMatchObject({text: '', cursor: 0});
		expect(state.console.history.at(-1)).toBe('rout add x');
		expect(state.current?.session?.log.at(-1)?.kind).toBe('error');
	});

	it('ignores an empty line', () => {
		const before = run([open, {type: 'start'}]);
		expect(reducer(before, {type: 'submit'})).toBe(before);
	});

	it('shows the level-complete screen the first time the level is solved, and only then', () => {
		const solved = run([open, {type: 'start'}, ...typed('firewall insert web input 1 allow tcp 443')]);
		expect(solved.screen).toBe('complete');
		const back = reducer(solved, {type: 'continue'});
		expect(back.screen).toBe('workbench');
		expect(run(typed('firewall insert web input 1 allow tcp 443'), back).screen).toBe('workbench');
	});

	it('never shows level complete in the sandbox', () => {
		const state = run([{type: 'open-level', level, hash: 'h', sandbox: true, saved: {draft: [], hintsUsed: 0}}, {type: 'start'}, ...typed('firewall insert web input 1 allow tcp 443')]);
		expect(state.screen).toBe('workbench');
	});
});

describe('appReducer: traces', () => {
	it('opens the newest trace of the log, titled by the command that made it', () => {
		const state = run([open, {type: 'start'}, ...typed('curl laptop http://x'), {type: 'open-last-trace'}]);
		expect(state.screen).toBe('trace');
		expect(state.trace?.title).toBe('curl laptop http://x');
		expect(run([{type: 'trace', action: {type: 'next'}}], state).trace?.step).toBe(1);
		expect(reducer(state, {type: 'close-trace'}).screen).toBe('workbench');
	});

	it('quotes rules from the network the trace ran over, even after later changes', () => {
		const traced = run([open, {type: 'start'}, ...typed('curl laptop http://x')]);
		const before = traced.current?.session?.network;
		const changed = run([...typed('firewall insert web input 1 allow tcp 443'), {type: 'continue'}, {type: 'open-last-trace'}], traced);
		expect(changed.current?.session?.network).not.toBe(before);
		expect(changed.trace?.network).toBe(before);
	});

	it('says so when there is no trace yet', () => {
		const state = run([open, {type: 'start'}, {type: 'open-last-trace'}]);
		expect(state.screen).toBe('workbench');
		expect(state.notice).toMatch(/^No trace yet/);
	});

	it('opens a picked goal’s trace; a state goal is explained in the log instead', () => {
		const picking = run([open, {type: 'start'}, {type: 'focus', focus: 'goals'}]);
		const traced = reducer(picking, {type: 'open-goal-trace'});
		expect(traced.screen).toBe('trace');
		expect(traced.trace?.title).toBe('A customer reaches the website');
		const stateGoal = run([{type: 'goal-cursor', delta: 5}, {type: 'open-goal-trace'}], picking);
		expect(stateGoal.goalCursor).toBe(2);
		expect(stateGoal.screen).toBe('workbench');
		expect(stateGoal.notice).toMatch(/checks the setup, not a packet/);
		expect(stateGoal.current?.session?.log.at(-1)?.lines.join('\n')).toMatch(/What it checks: /);
	});
});

describe('appReducer: scrolling', () => {
	it('clamps scroll positions to what exists', () => {
		expect(run([{type: 'scroll-log', delta: 50, max: 10}]).logScroll).toBe(10);
		expect(run([{type: 'scroll-log', delta: 5}, {type: 'scroll-log', delta: -50}]).logScroll).toBe(0);
		expect(run([{type: 'scroll-page', delta: 3, max: 2}]).pageScroll).toBe(2);
		expect(run([{type: 'scroll-network', delta: -1}]).networkScroll).toBe(-1);
	});

	it('follows new output after a command', () => {
		const state = run([open, {type: 'start'}, {type: 'scroll-log', delta: 5}, ...typed('hint')]);
		expect(state.logScroll).toBe(0);
	});
});

describe('appReducer: the topology picture', () => {
	it('opens with the newest trace at its result, steps it, and goes back where it came from', () => {
		const traced = run([open, {type: 'start'}, ...typed('curl laptop http://x'), {type: 'open-topology'}]);
		expect(traced.screen).toBe('topology');
		const hops = traced.topology?.trace?.trace.hops.length ?? 0;
		expect(traced.topology?.trace?.step).toBe(hops);
		const stepped = run([{type: 'topology-step', action: {type: 'first'}}, {type: 'topology-step', action: {type: 'next'}}], traced);
		expect(stepped.topology?.trace?.step).toBe(1);
		expect(reducer(stepped, {type: 'close-topology'}).screen).toBe('workbench');
	});

	it('follows the trace view’s step when opened from it, and the trace view follows the picture', () => {
		const viewing = run([open, {type: 'start'}, ...typed('curl laptop http://x'), {type: 'open-last-trace'}, {type: 'trace', action: {type: 'next'}}]);
		const picture = reducer(viewing, {type: 'open-topology'});
		expect(picture.topology?.trace?.step).toBe(1);
		const back = run([{type: 'topology-step', action: {type: 'next'}}, {type: 'close-topology'}], picture);
		expect(back.screen).toBe('trace');
		expect(back.trace?.step).toBe(2);
	});

	it('replays the winning packet from its first hop after the level is solved, and goes back to the complete screen', () => {
		const solved = run([open, {type: 'start'}, ...typed('firewall insert web input 1 allow tcp 443')]);
		expect(solved.screen).toBe('complete');
		const replay = reducer(solved, {type: 'open-topology', replay: true});
		expect(replay.topology?.trace?.step).toBe(0);
		expect(replay.topology?.trace?.trace.outcome.code).toBe('DELIVERED');
		expect(reducer(replay, {type: 'close-topology'}).screen).toBe('complete');
	});

	it('opens without a trace before any, and scrolls from where it is', () => {
		const plain = run([open, {type: 'start'}, {type: 'open-topology'}]);
		expect(plain.topology?.trace).toBeUndefined();
		expect(reducer(plain, {type: 'topology-scroll', delta: 3, from: 2}).topology?.scroll).toBe(5);
		expect(reducer(plain, {type: 'topology-scroll', delta: -9, from: 2}).topology?.scroll).toBe(0);
	});
});

describe('appReducer: repair mode', () => {
	it('opens a repair level as practice, apart from the level it was made from', () => {
		const repair = {...level, id: `${level.id}-repair`, title: `Repair: ${level.title}`};
		const state = run([open, {type: 'start'}, {type: 'show-map'}, {type: 'open-level', level: repair, hash: 'repair-1', practice: true, saved: {draft: [], hintsUsed: 0}}]);
		expect(state.current?.practice).toBe(true);
		expect(state.current?.level.id).toBe(repair.id);
		expect(run([open], state).current?.practice).toBeUndefined();
	});
});
