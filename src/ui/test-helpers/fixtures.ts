import type {Trace} from '../../engine/flow.js';
import type {GoalResult, GradeReport} from '../../engine/goal.js';
import {network as buildNetwork, type Network} from '../../engine/network.js';
import type {LogEntry, SessionAction, SessionState} from '../../game/types.js';
import type {Catalog} from '../../levels/load.js';
import {type Level, levelSchema} from '../../levels/schema.js';
import type {SessionRules} from '../use-app-state.js';

/**
 * Hand-made fixtures for UI tests: a small level, a trace with a NAT
 * rewrite and a firewall drop, fake sessions and a fake catalog — so the UI
 * is tested on its own, whatever the engine and the session rules do.
 */

/** A one-server network with a firewall, a subnet behind a NAT router, DNS. */
export function fixtureNetwork(): Network {
	return buildNetwork({
		hosts: [
			{id: 'web', interfaces: [{subnet: 'internet', ip: '203.0.113.10'}], apps: [{name: 'website', port: 443}], firewall: {input: {policy: 'deny', rules: [{action: 'allow', protocol: 'tcp', ports: '22', source: '10.0.1.0/24'}]}}},
			{id: 'laptop', kind: 'client', label: "a customer's laptop", interfaces: [{subnet: 'internet', ip: '198.51.100.7'}]},
			{id: 'gw', kind: 'nat', interfaces: [{subnet: 'internet', ip: '203.0.113.1'}, {subnet: 'office', ip: '10.0.1.1'}], routeTable: 'rt-gw', nat: {outside: 'internet', portForwards: [{port: 8080, toIp: '10.0.1.20', toPort: 80}]}},
			{id: 'db', interfaces: [{subnet: 'office', ip: '10.0.1.20'}], apps: [{name: 'mysql', port: 3306, bind: '127.0.0.1'}]},
		],
		subnets: [{id: 'office', cidr: '10.0.1.0/24', routeTable: 'rt-office'}],
		routeTables: [
			{id: 'rt-office', routes: [{destination: '0.0.0.0/0', target: 'gw'}]},
			{id: 'rt-gw', routes: []},
		],
		dns: [{name: 'travelbuddy.com', type: 'A', value: '203.0.113.10'}],
	});
}

/** A level over the fixture network with three goals and three hints. */
export function fixtureLevel(overrides: Partial<Level> = {}): Level {
	const level = levelSchema.parse({
		formatVersion: 1,
		id: 'fixture-web',
		title: 'Open the website',
		chapter: '1 · One server',
		concepts: ['ports', 'firewall'],
		story: 'Customers cannot reach TravelBuddy.\nThe server drops everything.',
		briefing: {question: 'What does a firewall do?', answer: 'It lets through only the traffic its rules allow.'},
		objective: 'Let customers reach the website on port 443, and nothing else.',
		network: fixtureNetwork(),
		goals: [
			{id: 'site', kind: 'reach', description: 'A customer reaches the website', flow: {from: 'laptop', to: 'travelbuddy.com', port: 443}},
			{id: 'ssh', kind: 'blocked', description: 'SSH stays closed', flow: {from: 'laptop', toHost: 'web', port: 22}},
			{id: 'dns', kind: 'state', description: 'travelbuddy.com resolves', state: {check: 'resolves', name: 'travelbuddy.com', address: '203.0.113.10'}},
		],
		hints: ['Look at the firewall.', 'Allow tcp 443.', 'firewall insert web input 1 allow tcp 443'],
		solution: ['firewall insert web input 1 allow tcp 443'],
	});
	return {...level, ...overrides};
}

/** A trace: laptop → gw (port forward 8080 → 10.0.1.20:80) → db, dropped by db's input policy. */
export function fixtureTrace(): Trace {
	const request = {protocol: 'tcp', src: '198.51.100.7', srcPort: '1024-65535', dst: '203.0.113.1', dstPort: 8080} as const;
	const forwarded = {...request, dst: '10.0.1.20', dstPort: 80};
	return {
		flow: {from: 'laptop', to: '203.0.113.1', port: 8080, protocol: 'tcp'},
		hops: [
			{node: 'laptop', action: 'leave', packet: request, note: 'The laptop sends the request.'},
			{node: 'gw', action: 'translate', packet: request, after: forwarded, decidedBy: {kind: 'port-forward', id: 'gw', index: 0}, note: 'gw forwards port 8080 to 10.0.1.20:80.'},
			{node: 'gw', action: 'route', packet: forwarded, decidedBy: {kind: 'route', id: 'rt-office', index: 0}, note: 'The office route table decides.'},
			{node: 'db', action: 'drop', packet: forwarded, decidedBy: {kind: 'firewall-policy', id: 'db', list: 'input'}, note: 'db drops it: no rule allows port 80.'},
		],
		outcome: {code: 'DENIED_BY_HOST_FIREWALL', at: 'db', decidedBy: {kind: 'firewall-policy', id: 'db', list: 'input'}, message: "db's firewall dropped the connection."},
		path: ['laptop', 'gw', 'db'],
	};
}

/** A delivered two-hop trace. */
export function deliveredTrace(): Trace {
	const packet = {protocol: 'tcp', src: '198.51.100.7', srcPort: '1024-65535', dst: '203.0.113.10', dstPort: 443} as const;
	return {
		flow: {from: 'laptop', to: 'travelbuddy.com', port: 443, protocol: 'tcp'},
		hops: [
			{node: 'laptop', action: 'resolve', packet, decidedBy: {kind: 'dns-record', id: 'travelbuddy.com', index: 0}, note: 'travelbuddy.com is 203.0.113.10.'},
			{node: 'web', action: 'deliver', packet, decidedBy: {kind: 'app', id: 'web', index: 0}, note: 'The website answers.'},
		],
		outcome: {code: 'DELIVERED', at: 'web', message: 'The website answered.'},
		path: ['laptop', 'web'],
	};
}

/** Goal results for the fixture level: the first goal as given, the others passing. */
export function fixtureReport(sitePassed: boolean): GradeReport {
	const goals: GoalResult[] = [
		sitePassed
			? {id: 'site', kind: 'reach', description: 'A customer reaches the website', passed: true, code: 'DELIVERED', message: 'Delivered.', trace: deliveredTrace()}
			: {id: 'site', kind: 'reach', description: 'A customer reaches the website', passed: false, code: 'DENIED_BY_HOST_FIREWALL', message: "web's firewall input policy dropped it.", trace: fixtureTrace()},
		{id: 'ssh', kind: 'blocked', description: 'SSH stays closed', passed: true, code: 'DENIED_BY_HOST_FIREWALL', message: 'Blocked, as it should be.'},
		{id: 'dns', kind: 'state', description: 'travelbuddy.com resolves', passed: true, message: 'It resolves to 203.0.113.10.'},
	];
	return {solved: goals.every((goal) => goal.passed), goals, exposure: {total: sitePassed ? 1 : 0, byHost: {}}};
}

/** A session on the fixture level as `startSession` would give it. */
export function fakeSession(level: Level = fixtureLevel(), overrides: Partial<SessionState> = {}): SessionState {
	return {
		level,
		par: 1,
		referenceExposure: 1,
		network: level.network,
		undoStack: [],
		draft: [],
		draftRealWorld: [],
		report: fixtureReport(false),
		hintsRevealed: 0,
		log: [{kind: 'info', lines: [`Level: ${level.title}`]}],
		...overrides,
	};
}

const SOLUTION = 'firewall insert web input 1 allow tcp 443';

/**
 * Fake session rules: the solution line solves the level (3 stars), `curl`
 * logs a trace, `hint` reveals a hint, anything else is an error on its
 * first word; explaining a goal logs what it checks.
 */
export const fakeRules: SessionRules = {
	startSession: (level, options) => fakeSession(level, {draft: options?.draft ?? [], hintsRevealed: options?.hintsUsed ?? 0}),
	sessionReducer(state: SessionState, action: SessionAction): SessionState {
		if (action.type === 'explain-goal') return {...state, log: [...state.log, {kind: 'output', lines: [`✓ ${action.goalId}`, '  What it checks: a name resolves']}]};
		if (action.type !== 'submit') return state;
		const input: LogEntry = {kind: 'input', lines: [action.text]};
		if (action.text === SOLUTION) {
			const completed = {stars: 3, withinPar: true, noHints: true, leastPrivilege: true, commands: 1, par: 1, hintsUsed: 0, exposure: 1, referenceExposure: 1} as const;
			return {
				...state,
				network: {...state.network, hosts: [...state.network.hosts]},
				undoStack: [...state.undoStack, state.network],
				draft: [...state.draft, action.text],
				draftRealWorld: [...(state.draftRealWorld ?? []), ['iptables -I INPUT 1 -p tcp --dport 443 -j ACCEPT']],
				report: fixtureReport(true),
				completed: state.completed ?? completed,
				log: [...state.log, input, {kind: 'change', lines: ['web: input rule 1 added'], realWorld: ['iptables -I INPUT 1 -p tcp --dport 443 -j ACCEPT']}, {kind: 'success', lines: ['Level solved']}],
			};
		}
		if (action.text.startsWith('curl')) return {...state, log: [...state.log, input, {kind: 'output', lines: ['✗ DENIED_BY_HOST_FIREWALL at db'], trace: fixtureTrace()}]};
		if (action.text === 'hint') return {...state, hintsRevealed: state.hintsRevealed + 1, log: [...state.log, input, {kind: 'hint', lines: [`Hint ${state.hintsRevealed + 1}: ${state.level.hints[state.hintsRevealed] ?? ''}`]}]};
		const word = action.text.split(' ')[0] ?? '';
		return {...state, log: [...state.log, input, {kind: 'error', lines: [`unknown command '${word}'`], error: {text: action.text, start: 0, end: word.length}}]};
	},
};

/** A catalog with one pack holding the given levels and one broken file. */
export function fixtureCatalog(levels: readonly Level[] = [fixtureLevel()], broken = true): Catalog {
	return {
		packs: [
			{
				title: 'Campaign',
				dir: '/levels',
				source: 'built-in',
				levels: [
					...levels.map((level) => ({ok: true as const, level, file: `/levels/${level.id}.json`, hash: `hash-${level.id}`})),
					...(broken
						? [{ok: false as const, file: '/levels/broken.json', title: 'Broken level', problems: [{file: 'levels/broken.json', line: 3, column: 5, pointer: '/title', message: 'expected a string'}]}]
						: []),
				],
			},
		],
		problems: [],
	};
}
