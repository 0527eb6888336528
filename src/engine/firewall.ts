import {cidrContains, parseCidr, type Cidr} from './address.js';
import type {Chain, FirewallRule, Protocol} from './network.js';
import {inRange, rangeOf, type PortRange} from './ports.js';

/**
 * Host and network firewalls (iptables-like chains): the first rule that
 * matches decides, else the chain's policy. Stateful: the walker lets the
 * replies of an allowed connection through without asking the chain again.
 */

/** The fields of a packet a firewall rule looks at. */
export type ChainPacket = {
	readonly protocol: Protocol;
	readonly src: number;
	readonly dst: number;
	readonly dstPort: number;
};

/** A chain's decision: allowed or not, and the 0-based rule that decided (undefined: the policy did). */
export type ChainVerdict = {readonly allowed: boolean; readonly index?: number};

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

function compiledMatches(compiled: CompiledRule, packet: ChainPacket): boolean {
	const {rule} = compiled;
	if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) return false;
	if (compiled.ports !== undefined && !inRange(compiled.ports, packet.dstPort)) return false;
	return blockMatches(compiled.source, packet.src) && blockMatches(compiled.destination, packet.dst);
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
	const index = compiledRules(chain).findIndex((compiled) => compiledMatches(compiled, packet));
	if (index < 0) return {allowed: chain.policy === 'allow'};
	return {allowed: chain.rules[index]?.action === 'allow', index};
}
