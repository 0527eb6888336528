import {AddressIndex, mergeCandidates} from './address-index.js';
import {cidrContains, parseCidr, type Cidr} from './address.js';
import type {Chain, FirewallRule, Protocol} from './network.js';
import {claimRange, firstRunFrom, subtractRanges} from './port-spans.js';
import {ALL_PORTS, inRange, rangeOf, type PortRange} from './ports.js';

/**
 * Host and network firewalls (iptables-like chains): the first rule that
 * matches decides, else the chain's policy. Stateless, as iptables is: a
 * reply is judged like any packet on every chain it crosses, so it passes
 * only when a rule lets it — usually `allow established`, the conntrack rule
 * (`-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT`, iptables-extensions(8)),
 * which matches a packet whose connection this host's connection tracking knows.
 */

/** The fields of a packet a firewall rule looks at. */
export type ChainPacket = {
	readonly protocol: Protocol;
	readonly src: number;
	readonly dst: number;
	readonly dstPort: number;
	/** The host's connection tracking knows the packet's connection (ctstate ESTABLISHED or RELATED). Default false: NEW. */
	readonly established?: boolean;
	/** The packet crosses the loopback interface `lo` (to 127.0.0.0/8 or to one of the host's own addresses). Default false. */
	readonly loopback?: boolean;
};

/**
 * A chain's decision: allowed or not, and the 0-based rule that decided
 * (undefined: the policy did). `rejected` when a `reject` rule decided: the
 * sender is told (connection refused) instead of left to time out.
 */
export type ChainVerdict = {readonly allowed: boolean; readonly index?: number; readonly rejected?: true};

/** A rule with its text fields parsed once; `null` block: matches nothing (unparsable text). */
type CompiledRule = {
	readonly rule: FirewallRule;
	readonly ports: PortRange | undefined;
	readonly source: Cidr | null | undefined;
	readonly destination: Cidr | null | undefined;
};

function compileRule(rule: FirewallRule): CompiledRule {
	const block = (text: string | undefined) => (text === undefined ? undefined : (parseCidr(text) ?? null));
	return {
		rule,
		ports: rule.ports === undefined ? undefined : rangeOf(rule.ports),
		source: block(rule.source),
		destination: block(rule.destination),
	};
}

/** Networks are immutable, so a chain's parsed rules are computed once per chain object. */
const compiledChains = new WeakMap<Chain, readonly CompiledRule[]>();

function compiledRules(chain: Chain): readonly CompiledRule[] {
	let rules = compiledChains.get(chain);
	if (rules === undefined) {
		rules = chain.rules.map(compileRule);
		compiledChains.set(chain, rules);
	}
	return rules;
}

/** True when a parsed block contains the address; an omitted block matches everything. */
function blockMatches(block: Cidr | null | undefined, address: number): boolean {
	if (block === undefined) return true;
	return block !== null && cidrContains(block, address);
}

/** Every matcher but the destination port: protocol, blocks, connection state and interface. */
function matchesBesidesPort(compiled: CompiledRule, packet: Omit<ChainPacket, 'dstPort'>): boolean {
	const {rule} = compiled;
	if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) return false;
	if (rule.state === 'established' && packet.established !== true) return false;
	if (rule.interface === 'lo' && packet.loopback !== true) return false;
	return blockMatches(compiled.source, packet.src) && blockMatches(compiled.destination, packet.dst);
}

function compiledMatches(compiled: CompiledRule, packet: ChainPacket): boolean {
	if (compiled.ports !== undefined && !inRange(compiled.ports, packet.dstPort)) return false;
	return matchesBesidesPort(compiled, packet);
}

const chainIndexes = new WeakMap<readonly CompiledRule[], {readonly bySource: AddressIndex; readonly byDestination: AddressIndex}>();

/**
 * The rules that can match a packet's addresses, in chain order: rules with a
 * source block are filed by it, rules with only a destination block by that,
 * the rest are always candidates (see AddressIndex).
 */
function candidateRules(rules: readonly CompiledRule[], packet: {readonly src: number; readonly dst: number}): number[] {
	let indexes = chainIndexes.get(rules);
	if (indexes === undefined) {
		indexes = {
			bySource: new AddressIndex(rules.map((rule) => (rule.source === undefined ? null : rule.source))),
			byDestination: new AddressIndex(rules.map((rule) => (rule.source !== undefined ? null : rule.destination))),
		};
		chainIndexes.set(rules, indexes);
	}
	return mergeCandidates(indexes.bySource.candidates(packet.src), indexes.byDestination.candidates(packet.dst));
}

function ruleVerdict(chain: Chain, index: number): ChainVerdict {
	const action = chain.rules[index]?.action;
	if (action === 'allow') return {allowed: true, index};
	return action === 'reject' ? {allowed: false, index, rejected: true} : {allowed: false, index};
}

/**
 * True when the rule matches the packet: protocol (`all` = any), destination
 * port range (`ports`; omitted = every port), source and destination blocks.
 */
export function firewallRuleMatches(rule: FirewallRule, packet: ChainPacket): boolean {
	return compiledMatches(compileRule(rule), packet);
}

/** Runs the packet through a chain: first matching rule wins, else the policy. */
export function evaluateChain(chain: Chain, packet: ChainPacket): ChainVerdict {
	const runs = decidedPorts(chain, packet);
	const run = runs[firstRunFrom(runs, packet.dstPort)];
	if (run === undefined || run.range.from > packet.dstPort) return {allowed: chain.policy === 'allow'};
	return ruleVerdict(chain, run.index);
}

/** A run of destination ports decided by one rule (the first that matches them). */
type DecidedRun = {readonly range: PortRange; readonly index: number};

/**
 * The destination ports the chain's rules decide for one protocol, source and
 * destination, each with its deciding rule, in port order (the others fall to
 * the policy). Grading asks the same chain about the same addresses for port
 * after port: each answer is then a binary search instead of a pass over every
 * rule. Computed once per chain and question (bounded).
 */
const decidedCache = new WeakMap<Chain, Map<string, readonly DecidedRun[]>>();
const DECIDED_PER_CHAIN = 16;

function decidedPorts(chain: Chain, packet: ChainPacket): readonly DecidedRun[] {
	let known = decidedCache.get(chain);
	if (known === undefined) {
		known = new Map();
		decidedCache.set(chain, known);
	}
	const key = `${packet.protocol} ${packet.src} ${packet.dst} ${packet.established === true ? 'est' : 'new'} ${packet.loopback === true ? 'lo' : ''}`;
	let runs = known.get(key);
	if (runs !== undefined) return runs;
	const open: PortRange[] = [ALL_PORTS];
	const found: DecidedRun[] = [];
	const rules = compiledRules(chain);
	for (const index of candidateRules(rules, packet)) {
		if (open.length === 0) break;
		const compiled = rules[index]!;
		if (!matchesBesidesPort(compiled, packet)) continue;
		for (const range of claimRange(open, compiled.ports ?? ALL_PORTS)) found.push({range, index});
	}
	runs = found.sort((a, b) => a.range.from - b.range.from);
	if (known.size >= DECIDED_PER_CHAIN) known.clear();
	known.set(key, runs);
	return runs;
}

/** A chain's decision over a range of destination ports; `ports` is the first sub-range the deciding rule or policy denies. */
export type ChainRangeVerdict = ChainVerdict & {readonly ports?: PortRange};

/**
 * Runs a packet whose destination port is any of `ports` (a reply to a
 * client's ephemeral ports) through a chain: allowed only when every port is.
 * When denied, `index` is the first rule, in chain order, that denies one of
 * the ports (undefined: the policy denies the ports no rule matched); when
 * allowed, the first rule that allowed some of them.
 */
export function evaluateChainOverPorts(chain: Chain, packet: Omit<ChainPacket, 'dstPort'>, ports: PortRange): ChainRangeVerdict {
	let open: PortRange[] = [ports];
	let first: number | undefined;
	const rules = compiledRules(chain);
	for (const index of candidateRules(rules, packet)) {
		if (open.length === 0) break;
		const compiled = rules[index]!;
		if (!matchesBesidesPort(compiled, packet)) continue;
		const {rule} = compiled;
		const covers = compiled.ports ?? ALL_PORTS;
		const hit = open.find((segment) => segment.from <= covers.to && covers.from <= segment.to);
		if (hit === undefined) continue;
		if (rule.action !== 'allow') {
			const ports = {from: Math.max(hit.from, covers.from), to: Math.min(hit.to, covers.to)};
			return rule.action === 'reject' ? {allowed: false, index, rejected: true, ports} : {allowed: false, index, ports};
		}
		first ??= index;
		open = subtractRanges(open, [covers]);
	}
	const left = open[0];
	if (left !== undefined && chain.policy === 'deny') return {allowed: false, ports: left};
	return first === undefined ? {allowed: true} : {allowed: true, index: first};
}
