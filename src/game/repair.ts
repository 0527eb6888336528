import {runScript} from '../commands/index.js';
import {grade} from '../engine/grade.js';
import type {FirewallRule, Network} from '../engine/network.js';
import type {Level} from '../levels/schema.js';
import {seededRandom} from './seeded-random.js';

/**
 * Repair mode (pure): one fault of a known class injected into a level's
 * solved network, chosen by a seed, for the player to find and repair. Only
 * faults that some goal detects are ever chosen — the faulted network is
 * graded and must fail — and every fault carries the commands that repair
 * it, so each is known to be repairable. Randomness comes in as the seed.
 */

/** The kinds of fault repair mode injects, as they happen in real networks. */
export const FAULT_CLASSES = [
	'route-removed',
	'route-blackholed',
	'app-on-localhost',
	'app-stopped',
	'firewall-rule-removed',
	'sg-rule-revoked',
	'nacl-rule-removed',
	'dns-record-stale',
	'public-ip-removed',
	'publish-removed',
	'host-misplaced',
] as const;

/** One fault class. */
export type FaultClass = (typeof FAULT_CLASSES)[number];

/** A fault: its class, where it is (kept from the player: it is the puzzle), the network with it, and how to repair it. */
export type Fault = {
	readonly faultClass: FaultClass;
	/** What was broken, in one sentence (shown once the level is repaired, and in the last hint). */
	readonly what: string;
	readonly network: Network;
	/** Commands in the game's language that repair it. */
	readonly repair: readonly string[];
};

/** A repair level: the level's goals over a solved network with one fault, and the fault behind it. */
export type RepairPuzzle = {readonly level: Level; readonly fault: Fault};

type Candidate = {readonly faultClass: FaultClass; readonly what: string; readonly change: (network: Network) => Network; readonly repair: readonly string[]};

function withHosts(network: Network, id: string, change: (host: Network['hosts'][number]) => Network['hosts'][number]): Network {
	return {...network, hosts: network.hosts.map((host) => (host.id === id ? change(host) : host))};
}

/** A documentation address nobody in the network uses, for a stale DNS record. */
function unusedAddress(network: Network): string {
	const used = new Set(JSON.stringify(network).match(/\d+\.\d+\.\d+\.\d+/g) ?? []);
	for (let last = 99; last < 255; last++) if (!used.has(`203.0.113.${last}`)) return `203.0.113.${last}`;
	return '192.0.2.99';
}

/** Every fault of a known class that can be injected into `network`, in a fixed order. */
export function faultCandidates(network: Network): Candidate[] {
	const out: Candidate[] = [];
	for (const table of network.routeTables) {
		table.routes.forEach((route, index) => {
			if (route.target === 'blackhole' || route.target === 'local') return;
			const drop = (blackhole: boolean) => (net: Network): Network => ({
				...net,
				routeTables: net.routeTables.map((other) =>
					other.id !== table.id ? other : {...other, routes: blackhole ? other.routes.map((r, i) => (i === index ? {...r, target: 'blackhole'} : r)) : other.routes.filter((_r, i) => i !== index)},
				),
			});
			out.push({faultClass: 'route-removed', what: `the route for ${route.destination} in ${table.id} was deleted`, change: drop(false), repair: [`route add ${table.id} ${route.destination} ${route.target}`]});
			out.push({
				faultClass: 'route-blackholed',
				what: `the route for ${route.destination} in ${table.id} was pointed at a blackhole`,
				change: drop(true),
				repair: [`route remove ${table.id} ${route.destination}`, `route add ${table.id} ${route.destination} ${route.target}`],
			});
		});
	}
	const owners = [...network.hosts.map((host) => ({id: host.id, apps: host.apps})), ...network.containers.map((container) => ({id: container.id, apps: container.apps}))];
	for (const owner of owners) {
		owner.apps.forEach((app, index) => {
			const change = (bind: boolean) => (net: Network): Network => {
				const edit = <T extends {id: string; apps: Network['hosts'][number]['apps']}>(item: T): T =>
					item.id !== owner.id ? item : {...item, apps: bind ? item.apps.map((a, i) => (i === index ? {...a, bind: '127.0.0.1'} : a)) : item.apps.filter((_a, i) => i !== index)};
				return {...net, hosts: net.hosts.map(edit), containers: net.containers.map(edit)};
			};
			if (app.bind !== '127.0.0.1') {
				out.push({faultClass: 'app-on-localhost', what: `${app.name} on ${owner.id} was restarted listening on 127.0.0.1 only`, change: change(true), repair: [`app bind ${owner.id} ${app.name} ${app.bind}`]});
			}
			const protocol = app.protocol === 'udp' ? '/udp' : '';
			const bind = app.bind === '0.0.0.0' ? '' : ` --bind ${app.bind}`;
			out.push({faultClass: 'app-stopped', what: `${app.name} on ${owner.id} was stopped`, change: change(false), repair: [`app add ${owner.id} ${app.name} ${app.port}${protocol}${bind}`]});
		});
	}
	for (const host of network.hosts) {
		for (const chain of ['input', 'output', 'forward'] as const) {
			host.firewall?.[chain]?.rules.forEach((rule, index) => {
				if (rule.action !== 'allow') return;
				out.push({
					faultClass: 'firewall-rule-removed',
					what: `rule ${index + 1} of ${host.id}'s ${chain} chain was deleted`,
					change: (net) => withHosts(net, host.id, (h) => ({...h, firewall: {...h.firewall, [chain]: {...h.firewall![chain]!, rules: h.firewall![chain]!.rules.filter((_r, i) => i !== index)}}})),
					repair: [`firewall insert ${host.id} ${chain} ${index + 1} ${firewallRuleWords(rule)}`],
				});
			});
		}
		if (host.publicIp !== undefined) {
			const ip = host.publicIp;
			out.push({faultClass: 'public-ip-removed', what: `${host.id} lost its public IP ${ip}`, change: (net) => withHosts(net, host.id, ({publicIp: _gone, ...rest}) => rest), repair: [`host public-ip ${host.id} ${ip}`]});
		}
	}
	for (const group of network.securityGroups) {
		group.inbound.forEach((rule, index) => {
			out.push({
				faultClass: 'sg-rule-revoked',
				what: `an inbound rule of ${group.id} was revoked`,
				change: (net) => ({...net, securityGroups: net.securityGroups.map((g) => (g.id !== group.id ? g : {...g, inbound: g.inbound.filter((_r, i) => i !== index)}))}),
				repair: [`sg allow ${group.id} inbound ${rule.protocol}${rule.ports === undefined ? '' : ` ${rule.ports}`} from ${rule.source}`],
			});
		});
	}
	for (const acl of network.networkAcls) {
		for (const list of ['inbound', 'outbound'] as const) {
			for (const rule of acl[list]) {
				if (rule.action !== 'allow') continue;
				out.push({
					faultClass: 'nacl-rule-removed',
					what: `${list} rule ${rule.rule} of ${acl.id} was deleted`,
					change: (net) => ({...net, networkAcls: net.networkAcls.map((a) => (a.id !== acl.id ? a : {...a, [list]: a[list].filter((r) => r.rule !== rule.rule)}))}),
					repair: [`nacl add ${acl.id} ${list} ${rule.rule} allow ${rule.protocol}${rule.ports === undefined ? '' : ` ${rule.ports}`} ${rule.cidr}`],
				});
			}
		}
	}
	network.dns.forEach((record, index) => {
		if (record.type !== 'A') return;
		const stale = unusedAddress(network);
		out.push({
			faultClass: 'dns-record-stale',
			what: `the A record of ${record.name} was left pointing at ${stale}, an old address`,
			change: (net) => ({...net, dns: net.dns.map((r, i) => (i === index ? {...r, value: stale} : r))}),
			repair: [`dns remove ${record.name} A`, `dns add ${record.name} A ${record.value}`],
		});
	});
	for (const container of network.containers) {
		container.publish.forEach((publish, index) => {
			const host = publish.hostIp === '0.0.0.0' ? '' : `${publish.hostIp}:`;
			const protocol = publish.protocol === 'udp' ? '/udp' : '';
			out.push({
				faultClass: 'publish-removed',
				what: `${container.id}'s published port ${publish.hostPort} was removed`,
				change: (net) => ({...net, containers: net.containers.map((c) => (c.id !== container.id ? c : {...c, publish: c.publish.filter((_p, i) => i !== index)}))}),
				repair: [`container publish ${container.id} ${host}${publish.hostPort}:${publish.containerPort}${protocol}`],
			});
		});
	}
	// A machine moved to the wrong subnet (the commands pick its address there, as a real re-plug gets a new lease).
	for (const host of network.hosts) {
		const home = host.interfaces[0]?.subnet;
		const subnet = network.subnets.find((candidate) => candidate.id === home);
		if (subnet === undefined || host.interfaces.length !== 1) continue;
		const other = network.subnets.find((candidate) => candidate.id !== subnet.id && candidate.vpc === subnet.vpc);
		if (other === undefined) continue;
		out.push({
			faultClass: 'host-misplaced',
			what: `${host.id} was moved from ${subnet.id} to ${other.id}`,
			change: (net) => {
				const moved = runScript(net, `host move ${host.id} ${other.id}`);
				return moved.ok ? moved.network : net;
			},
			repair: [`host move ${host.id} ${subnet.id}`],
		});
	}
	return out;
}

/** A firewall rule in the words `firewall insert` takes after the position. */
function firewallRuleWords(rule: FirewallRule): string {
	const words: string[] = [rule.action];
	if (rule.state === 'established') words.push('established');
	if (rule.interface === 'lo') words.push('on lo');
	if (rule.protocol !== 'all' || rule.ports !== undefined) words.push(rule.protocol);
	if (rule.ports !== undefined) words.push(rule.ports);
	if (rule.source !== undefined) words.push('from', rule.source);
	if (rule.destination !== undefined) words.push('to', rule.destination);
	return words.join(' ');
}

/** The level's network with its reference solution applied, or undefined if the solution does not apply. */
export function solvedNetwork(level: Level): Network | undefined {
	const result = runScript(level.network, level.solution.join('\n'), level.commands === undefined ? {} : {allowed: level.commands});
	return result.ok ? result.network : undefined;
}

/**
 * The faults the goals detect: each candidate applied to the solved network,
 * kept only when the network then fails a goal and its repair commands
 * (every command allowed) make every goal pass again.
 */
export function detectableFaults(level: Level): readonly Fault[] {
	const cached = faultCache.get(level);
	if (cached !== undefined) return cached;
	const faults = findFaults(level);
	faultCache.set(level, faults);
	return faults;
}

/** Levels are immutable values: their faults are found once. */
const faultCache = new WeakMap<Level, readonly Fault[]>();

function findFaults(level: Level): Fault[] {
	const solved = solvedNetwork(level);
	if (solved === undefined) return [];
	const faults: Fault[] = [];
	for (const candidate of faultCandidates(solved)) {
		const network = candidate.change(solved);
		if (grade(network, level.goals).solved) continue;
		const repaired = runScript(network, candidate.repair.join('\n'));
		if (!repaired.ok || !grade(repaired.network, level.goals).solved) continue;
		faults.push({faultClass: candidate.faultClass, what: candidate.what, network, repair: candidate.repair});
	}
	return faults;
}

const CLASS_NUDGE: Readonly<Record<FaultClass, string>> = {
	'route-removed': 'A packet that finds no route stops at the first hop that has none: traceroute shows where.',
	'route-blackholed': 'A route can exist and still throw packets away: read which route decided at the hop where the trace stops.',
	'app-on-localhost': 'When every filter lets it through and still no connection, look at what the app listens on: show apps.',
	'app-stopped': 'Connection refused means the packet arrived and nothing listened: show apps on the target.',
	'firewall-rule-removed': 'A chain with a deny policy drops what no rule allows: show firewall, and compare with what must pass.',
	'sg-rule-revoked': 'Security groups only allow: the trace names the instance whose groups have no rule for it.',
	'nacl-rule-removed': 'A network ACL ends with a deny: trace the request and the reply, and see which list drops it.',
	'dns-record-stale': 'Before any packet moves, the name must lead to the right address: dig it.',
	'public-ip-removed': 'The internet gateway can only map an instance that has a public address: show hosts.',
	'publish-removed': 'A container is reached from outside only through a published port: show containers.',
	'host-misplaced': 'A machine in the wrong subnet gets the wrong routes and filters: show hosts, and compare with the plan.',
};

/**
 * The repair puzzle of `level` for `seed`: one detectable fault, chosen by the
 * seed among all of them (a fault class first, then a fault of it, so that a
 * class with many instances does not crowd the others out). Undefined when the
 * level has no detectable fault.
 */
export function repairPuzzle(level: Level, seed: number): RepairPuzzle | undefined {
	const faults = detectableFaults(level);
	if (faults.length === 0) return undefined;
	const random = seededRandom(seed);
	const classes = FAULT_CLASSES.filter((faultClass) => faults.some((fault) => fault.faultClass === faultClass));
	const faultClass = classes[Math.floor(random() * classes.length)]!;
	const ofClass = faults.filter((fault) => fault.faultClass === faultClass);
	const fault = ofClass[Math.floor(random() * ofClass.length)]!;
	const repairLevel: Level = {
		...level,
		id: `${level.id}-repair`,
		title: `Repair: ${level.title}`.slice(0, 60),
		story: 'Your solved network ran fine until this morning. Then one thing was changed,\nand now something that worked is broken. Nobody knows what was touched.\nFind the fault with the inspection commands and repair it in as few\nchanges as you can.',
		objective: 'Find the one thing that was changed and put it right: every goal must pass again.',
		network: fault.network,
		commands: undefined,
		hints: [CLASS_NUDGE[fault.faultClass], `What broke: ${fault.what}.`, `Repair: ${fault.repair.join(', then ')}`],
		solution: [...fault.repair],
	};
	return {level: repairLevel, fault};
}
