import {cidrContains, parseCidr} from './address.js';
import type {Chain, FirewallRule, Protocol} from './network.js';
import {inRange, rangeOf} from './ports.js';

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

/** True when a block given as text contains the address; an omitted block matches everything. */
function blockMatches(block: string | undefined, address: number): boolean {
	if (block === undefined) return true;
	const cidr = parseCidr(block);
	return cidr !== undefined && cidrContains(cidr, address);
}

/**
 * True when the rule matches the packet: protocol (`all` = any), destination
 * port range (`ports`; omitted = every port), source and destination blocks.
 */
export function firewallRuleMatches(rule: FirewallRule, packet: ChainPacket): boolean {
	if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) return false;
	if (rule.ports !== undefined && !inRange(rangeOf(rule.ports), packet.dstPort)) return false;
	return blockMatches(rule.source, packet.src) && blockMatches(rule.destination, packet.dst);
}

/** Runs the packet through a chain: first matching rule wins, else the policy. */
export function evaluateChain(chain: Chain, packet: ChainPacket): ChainVerdict {
	const index = chain.rules.findIndex((rule) => firewallRuleMatches(rule, packet));
	if (index < 0) return {allowed: chain.policy === 'allow'};
	return {allowed: chain.rules[index]?.action === 'allow', index};
}
