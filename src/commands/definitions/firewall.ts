import type {Chain, FirewallRule, Host, Network, RuleProtocol} from '../../engine/network.js';
import {cidr, count, introduced, optional, portRange, ref, word} from '../args.js';
import {config, fail} from '../define.js';
import {byId, updateHost} from '../edit.js';
import {iptablesMatch} from '../real-world.js';
import type {Problem} from '../types.js';

/**
 * Host firewalls (the input and output chains) and network firewalls (the
 * forward chain of a router), iptables-style: ordered rules, first match
 * wins, then the chain's policy. Positions are 1-based, as iptables numbers them.
 */

const CHAINS = ['input', 'output', 'forward'] as const;
type ChainName = (typeof CHAINS)[number];

const ruleParams = [
	word('action', ['allow', 'deny']),
	optional(word('protocol', ['tcp', 'udp', 'all'])),
	optional(portRange('ports')),
	optional(introduced('from', cidr('source', '<cidr>', true))),
	optional(introduced('to', cidr('destination', '<cidr>', true))),
] as const;

type RuleArgs = {
	readonly action: 'allow' | 'deny';
	readonly protocol: RuleProtocol | undefined;
	readonly ports: string | undefined;
	readonly source: string | undefined;
	readonly destination: string | undefined;
};

function checkRule(args: RuleArgs): Problem | undefined {
	if (args.ports !== undefined && (args.protocol === undefined || args.protocol === 'all')) {
		return fail('a port needs a protocol: write tcp or udp before it (iptables needs -p tcp for --dport too)', 'ports', {expected: 'tcp or udp before the port'});
	}
	return undefined;
}

function ruleOf(args: RuleArgs): FirewallRule {
	return {
		action: args.action,
		protocol: args.protocol ?? 'all',
		...(args.ports === undefined ? {} : {ports: args.ports}),
		...(args.source === undefined ? {} : {source: args.source}),
		...(args.destination === undefined ? {} : {destination: args.destination}),
	};
}

/** A rule in words: "allow tcp 443 from 0.0.0.0/0". */
export function describeRule(rule: FirewallRule): string {
	return [rule.action, rule.protocol, rule.ports, rule.source === undefined ? '' : `from ${rule.source}`, rule.destination === undefined ? '' : `to ${rule.destination}`]
		.filter((part) => part !== undefined && part !== '')
		.join(' ');
}

function chainOf(host: Host, chain: ChainName): Chain {
	return host.firewall?.[chain] ?? {policy: 'allow', rules: []};
}

function withChain(network: Network, hostId: string, chain: ChainName, next: Chain): Network {
	return updateHost(network, hostId, (host) => ({...host, firewall: {...host.firewall, [chain]: next}}));
}

function forwardCheck(network: Network, hostId: string, chain: ChainName): Problem | undefined {
	const host = byId(network.hosts, hostId)!;
	if (chain !== 'forward' || host.kind === 'router' || host.kind === 'nat') return undefined;
	return fail(`the forward chain filters packets a router passes on, and ${host.id} is a ${host.kind} — use input or output`, 'chain');
}

function iptablesRule(flag: string, chain: ChainName, position: number | undefined, rule: FirewallRule): string {
	return [
		'iptables',
		flag,
		chain.toUpperCase(),
		...(position === undefined ? [] : [String(position)]),
		...iptablesMatch(rule.protocol, rule.ports),
		...(rule.source === undefined ? [] : ['-s', rule.source]),
		...(rule.destination === undefined ? [] : ['-d', rule.destination]),
		'-j',
		rule.action === 'allow' ? 'ACCEPT' : 'DROP',
	].join(' ');
}

function insert(network: Network, hostId: string, chain: ChainName, position: number | undefined, args: RuleArgs) {
	const problem = forwardCheck(network, hostId, chain);
	if (problem !== undefined) return problem;
	const current = chainOf(byId(network.hosts, hostId)!, chain);
	const at = position ?? current.rules.length + 1;
	if (at > current.rules.length + 1) {
		return fail(`${hostId} ${chain} has ${current.rules.length} rule${current.rules.length === 1 ? '' : 's'}: a new rule can go at 1–${current.rules.length + 1}`, 'position');
	}
	const rules = [...current.rules];
	rules.splice(at - 1, 0, ruleOf(args));
	return {
		network: withChain(network, hostId, chain, {...current, rules}),
		summary: `${hostId} ${chain} rule ${at}: ${describeRule(ruleOf(args))}.`,
	};
}

/** `firewall insert`, `firewall append`, `firewall remove`, `firewall policy`. */
export const FIREWALL_COMMANDS = [
	config({
		name: 'firewall insert',
		summary: 'Insert a rule at a position (default 1) of a host chain: input, output, or forward on a router.',
		example: 'firewall insert web input 1 allow tcp 443 from 0.0.0.0/0',
		details: [
			'Rules are checked from the top; the first that matches decides, else the chain policy.',
			'input/output protect the host itself (host firewall); forward on a router filters traffic between subnets (network firewall).',
			'The firewall is stateful: replies to an allowed connection always pass.',
		],
		params: [ref('host', 'host'), word('chain', CHAINS), optional(count('position', '<position>', 1, 9999, 'a rule position')), ...ruleParams],
		check: checkRule,
		apply: (network, args) => insert(network, args.host, args.chain, args.position ?? 1, args),
		realWorld: (args) => [iptablesRule('-I', args.chain, args.position ?? 1, ruleOf(args))],
	}),
	config({
		name: 'firewall append',
		summary: 'Add a rule at the end of a host chain.',
		example: 'firewall append web input deny tcp 3306',
		params: [ref('host', 'host'), word('chain', CHAINS), ...ruleParams],
		check: checkRule,
		apply: (network, args) => insert(network, args.host, args.chain, undefined, args),
		realWorld: (args) => [iptablesRule('-A', args.chain, undefined, ruleOf(args))],
	}),
	config({
		name: 'firewall remove',
		summary: 'Remove the rule at a position (1 is the first) of a host chain.',
		example: 'firewall remove r1 forward 1',
		params: [ref('host', 'host'), word('chain', CHAINS), count('position', '<position>', 1, 9999, 'a rule position')],
		apply: (network, args) => {
			const current = chainOf(byId(network.hosts, args.host)!, args.chain);
			const rule = current.rules[args.position - 1];
			if (rule === undefined) {
				return fail(
					current.rules.length === 0
						? `${args.host} ${args.chain} has no rules`
						: `${args.host} ${args.chain} has ${current.rules.length} rule${current.rules.length === 1 ? '' : 's'}: pick 1–${current.rules.length}`,
					'position',
				);
			}
			return {
				network: withChain(network, args.host, args.chain, {...current, rules: current.rules.filter((_, index) => index !== args.position - 1)}),
				summary: `${args.host} ${args.chain}: removed rule ${args.position} (${describeRule(rule)}).`,
			};
		},
		realWorld: (args) => [`iptables -D ${args.chain.toUpperCase()} ${args.position}`],
	}),
	config({
		name: 'firewall policy',
		summary: 'Set what a chain does with packets no rule matches: allow or deny.',
		example: 'firewall policy web input deny',
		params: [ref('host', 'host'), word('chain', CHAINS), word('policy', ['allow', 'deny'])],
		apply: (network, args) => {
			const problem = forwardCheck(network, args.host, args.chain);
			if (problem !== undefined) return problem;
			const current = chainOf(byId(network.hosts, args.host)!, args.chain);
			if (current.policy === args.policy) return fail(`${args.host} ${args.chain} already has policy ${args.policy}`, 'policy');
			return {
				network: withChain(network, args.host, args.chain, {...current, policy: args.policy}),
				summary: `${args.host} ${args.chain}: policy ${args.policy} (was ${current.policy}).`,
			};
		},
		realWorld: (args) => [`iptables -P ${args.chain.toUpperCase()} ${args.policy === 'allow' ? 'ACCEPT' : 'DROP'}`],
	}),
];
