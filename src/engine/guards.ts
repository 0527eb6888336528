import {evaluateChain, evaluateChainOverPorts, type ChainRangeVerdict} from './firewall.js';
import type {Decider} from './flow.js';
import type {Chain, FirewallRule, Host} from './network.js';
import type {OutcomeCode} from './outcome.js';
import {evaluateSecurityGroups, evaluateSecurityGroupsOverPorts, type GroupVerdict} from './security-groups.js';
import {fail, ip, portWords, record, type Step, type Walk, type Wire, possessive} from './walk.js';

/**
 * The filters on a host: its firewall chains, stateless like iptables (a
 * reply meets every chain it crosses and passes only if a rule lets it —
 * usually `allow established`), and its security groups, stateful like AWS's
 * (a reply passes every host the request passed without being asked again;
 * only a host off the request's path judges it).
 */

/** A firewall rule in words: "allow tcp 443 from 10.0.1.0/24", "allow established", "allow all on lo". */
export function describeFirewallRule(rule: FirewallRule): string {
	const parts: string[] = [rule.action];
	if (rule.state === 'established') parts.push('established');
	if (rule.protocol !== 'all' || (rule.state === undefined && rule.interface === undefined) || rule.ports !== undefined) parts.push(rule.protocol);
	if (rule.ports !== undefined) parts.push(rule.ports);
	if (rule.source !== undefined) parts.push(`from ${rule.source}`);
	if (rule.destination !== undefined) parts.push(`to ${rule.destination}`);
	if (rule.interface !== undefined) parts.push(`on ${rule.interface}`);
	return parts.join(' ');
}

/** The code a chain's drop gets: a router's forward chain is a network firewall, anything else the host's own; a reject rule refuses. */
export function chainCode(host: Host, list: 'input' | 'output' | 'forward', rejected = false): OutcomeCode {
	const network = list === 'forward' && (host.kind === 'router' || host.kind === 'nat');
	if (rejected) return network ? 'REJECTED_BY_NETWORK_FIREWALL' : 'REJECTED_BY_HOST_FIREWALL';
	return network ? 'DENIED_BY_NETWORK_FIREWALL' : 'DENIED_BY_HOST_FIREWALL';
}

/**
 * True during the reply at a host the request never passed (an asymmetric
 * return path): its connection tracking has no entry for the connection, so
 * its stateful filters judge the reply like a new packet.
 */
export function untracked(walk: Walk, host: Host): boolean {
	return walk.phase === 'reply' && !(walk.tracked?.has(host.id) ?? false);
}

/** Why a reply meets a filter at all (see `untracked`). */
function strangerWords(host: Host): string {
	return `${host.id} never saw the request, so its connection tracking does not know this connection and judges the reply like a new packet`;
}

/** What a chain check needs to know beyond the packet. */
export type ChainOptions = {
	/** The packet crosses the loopback interface (it never leaves the host). */
	readonly loopback?: boolean;
};

function chainName(host: Host, list: 'input' | 'output' | 'forward'): string {
	const kind = chainCode(host, list) === 'DENIED_BY_NETWORK_FIREWALL' ? 'network firewall' : 'firewall';
	return `${possessive(host.id)} ${kind} (${list} chain)`;
}

/**
 * Runs a packet through one chain of the host's firewall; undefined when it
 * passes (or the chain is absent). Requests and replies alike: a chain is
 * stateless, so a reply is judged on every port of its destination range
 * (the client's ephemeral ports), and counts as ESTABLISHED only at a host
 * the request passed (whose connection tracking saw it).
 */
export function checkChain(walk: Walk, host: Host, list: 'input' | 'output' | 'forward', wire: Wire, options: ChainOptions = {}): Step | undefined {
	const chain = host.firewall?.[list];
	if (chain === undefined) return undefined;
	const reply = walk.phase === 'reply';
	const stranger = untracked(walk, host);
	const packet = {protocol: wire.protocol, src: wire.src, dst: wire.dst, established: reply && !stranger, loopback: options.loopback === true};
	const verdict: ChainRangeVerdict = reply ? evaluateChainOverPorts(chain, packet, wire.dstPort) : evaluateChain(chain, {...packet, dstPort: wire.dstPort.from});
	const rule = verdict.index === undefined ? undefined : chain.rules[verdict.index];
	const decidedBy: Decider =
		verdict.index === undefined ? {kind: 'firewall-policy', id: host.id, list} : {kind: 'firewall-rule', id: host.id, list, index: verdict.index};
	const name = chainName(host, list);
	const lead = stranger ? `${strangerWords(host)}: ` : '';
	const over = options.loopback === true ? ' over the loopback interface lo' : '';
	const what = `${reply ? 'the reply, ' : ''}${wire.protocol} ${portWords(verdict.ports ?? wire.dstPort)} from ${ip(wire.src)} to ${ip(wire.dst)}${over}`;
	const matched = rule === undefined ? undefined : `rule #${(verdict.index ?? 0) + 1} (${describeFirewallRule(rule)}) matches first`;
	if (verdict.allowed) {
		record(walk, host.id, 'filter', wire, `${lead}${name} lets ${what} through: ${matched ?? 'no rule matches and the policy is allow'}.`, {decidedBy});
		return undefined;
	}
	const why = matched ?? "no rule matches and the chain's policy is deny";
	// A rejected reply tells the server, not the client: the client still waits for an answer that never comes.
	const refused = verdict.rejected === true && !reply;
	const result = refused
		? `${name} rejects ${what}: ${why}, so the sender is told at once (connection refused)`
		: `${name} ${verdict.rejected === true ? 'rejects' : 'drops'} ${what}: ${why}, so the ${reply ? 'client never hears back' : 'sender hears nothing'} and times out`;
	const lesson = reply && !stranger && !hasEstablishedRule(chain) ? '. Chains are stateless: a reply passes only if a rule lets it, usually allow established (-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT)' : '';
	return fail(walk, host.id, chainCode(host, list, refused), `${lead}${result}${lesson}.`, wire, decidedBy);
}

function hasEstablishedRule(chain: Chain): boolean {
	return chain.rules.some((rule) => rule.state === 'established' && rule.action === 'allow');
}

/**
 * Runs a packet through the host's security groups (hosts with none are
 * not filtered). `peerHost` is the host behind the other address, for rules
 * that name a group instead of a block. Callers ask for requests, and for
 * replies only at an `untracked` host, where every port of the reply's
 * destination range must be allowed.
 */
export function checkGroups(walk: Walk, host: Host, direction: 'inbound' | 'outbound', wire: Wire, peerHost: string | undefined): Step | undefined {
	if (host.securityGroups.length === 0) return undefined;
	const inbound = direction === 'inbound';
	const reply = walk.phase === 'reply';
	const peer = inbound ? wire.src : wire.dst;
	const packet = {protocol: wire.protocol, peer, ...(peerHost === undefined ? {} : {peerHost})};
	const overPorts = reply ? evaluateSecurityGroupsOverPorts(walk.topology, host.securityGroups, direction, packet, wire.dstPort) : undefined;
	const verdict: GroupVerdict =
		overPorts === undefined ? evaluateSecurityGroups(walk.topology, host.securityGroups, direction, {...packet, dstPort: wire.dstPort.from}) : overPorts.allowed ? overPorts : {allowed: false};
	const lead = reply ? `${strangerWords(host)}: ` : '';
	const ports = overPorts !== undefined && !overPorts.allowed ? overPorts.ports : wire.dstPort;
	const what = `${reply ? 'the reply, ' : ''}${wire.protocol} ${portWords(ports)} ${inbound ? 'from' : 'to'} ${ip(peer)}`;
	if (verdict.allowed) {
		const group = walk.topology.securityGroups.get(verdict.group);
		const rule = inbound ? group?.inbound[verdict.index] : group?.outbound[verdict.index];
		const other = rule === undefined ? '' : 'source' in rule ? ` from ${rule.source}` : ` to ${rule.destination}`;
		const ruleText = rule === undefined ? '' : ` (${rule.protocol}${rule.ports === undefined ? '' : ` ${rule.ports}`}${other})`;
		record(walk, host.id, 'filter', wire, `${lead}Security group ${verdict.group} lets ${what} ${inbound ? 'in' : 'out'}: ${direction} rule #${verdict.index + 1}${ruleText} allows it.`, {
			decidedBy: {kind: 'security-group', id: verdict.group, list: direction, index: verdict.index},
		});
		return undefined;
	}
	const groups = host.securityGroups.join(', ');
	const message = `${lead}${reply ? 'no' : 'No'} ${direction} rule of ${possessive(host.id)} security groups (${groups}) allows ${what}, so it is dropped: security groups allow only what a rule allows.`;
	return fail(walk, host.id, 'DENIED_BY_SECURITY_GROUP', message, wire, {kind: 'security-group', id: host.id, list: direction});
}
