import {describeFirewallRule} from '../../engine/guards.js';
import type {Chain, FirewallAction, FirewallRule, Host, Network, RuleProtocol} from '../../engine/network.js';
import {cidr, count, introduced, optional, portRange, ref, word} from '../args.js';
import {config, fail} from '../define.js';
import {byId, updateHost} from '../edit.js';
import {iptablesMatch} from '../real-world.js';
import type {Problem} from '../types.js';

/**
 * Host firewalls (the input and output chains) and network firewalls (the
 * forward chain of a router), iptables-style: ordered rules, first match
 * wins, then the chain's policy. Stateless like iptables: replies pass only
 * when a rule lets them, usually `allow established` (the conntrack rule).
 * Positions are 1-based, as iptables numbers them.
 */

/** The chains of a host firewall, as the model names them. */
export const CHAINS = ['input', 'output', 'forward'] as const;
type ChainName = (typeof CHAINS)[number];

const ruleParams = [
	word('action', ['allow', 'deny', 'reject']),
	optional(word('state', ['established'])),
	optional(word('protocol', ['tcp', 'udp', 'all'])),
	optional(portRange('ports')),
	optional(introduced('from', cidr('source', '<cidr>', true))),
	optional(introduced('to', cidr('destination', '<cidr>', true))),
	optional(introduced('on', word('interface', ['lo']))),
] as const;

type RuleArgs = {
	readonly action: FirewallAction;
	readonly state: 'established' | undefined;
	readonly protocol: RuleProtocol | undefined;
	readonly ports: string | undefined;
	readonly source: string | undefined;
	readonly destination: string | undefined;
	readonly interface: 'lo' | undefined;
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
		...(args.state === undefined ? {} : {state: args.state}),
		...(args.interface === undefined ? {} : {interface: args.interface}),
	};
}

/** A rule in words: "allow tcp 443 from 0.0.0.0/0", "allow established", "allow all on lo". */
export const describeRule = describeFirewallRule;

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

function loopbackCheck(chain: ChainName, args: RuleArgs): Problem | undefined {
	if (args.interface === undefined || chain !== 'forward') return undefined;
	return fail('loopback packets never leave the host, so no router forwards them: on lo belongs on the input or output chain', 'interface');
}

/** The iptables words of a rule after the chain: matchers, then the target (iptables(8), iptables-extensions(8)). */
function iptablesRuleWords(chain: ChainName, rule: FirewallRule): string[] {
	return [
		...(rule.interface === undefined ? [] : [chain === 'output' ? '-o' : '-i', rule.interface]),
		...iptablesMatch(rule.protocol, rule.ports),
		...(rule.source === undefined ? [] : ['-s', rule.source]),
		...(rule.destination === undefined ? [] : ['-d', rule.destination]),
		...(rule.state === undefined ? [] : ['-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED']),
		'-j',
		IPTABLES_TARGET[rule.action],
	];
}

const IPTABLES_TARGET = {allow: 'ACCEPT', deny: 'DROP', reject: 'REJECT'} as const;

/** A whole chain as the iptables lines that build it on a fresh host: its rules in order, then its policy (`netquest lab` applies start states this way). */
export function iptablesChainLines(chain: ChainName, rules: Chain): string[] {
	const lines = rules.rules.map((rule) => iptablesRule('-A', chain, undefined, rule));
	if (rules.policy === 'deny') lines.push(`iptables -P ${chain.toUpperCase()} DROP`);
	return lines;
}

function iptablesRule(flag: string, chain: ChainName, position: number | undefined, rule: FirewallRule): string {
	return ['iptables', flag, chain.toUpperCase(), ...(position === undefined ? [] : [String(position)]), ...iptablesRuleWords(chain, rule)].join(' ');
}

function insert(network: Network, hostId: string, chain: ChainName, position: number | undefined, args: RuleArgs) {
	const problem = forwardCheck(network, hostId, chain) ?? loopbackCheck(chain, args);
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

/**
 * `iptables -P <CHAIN> DROP`, with a warning when the chain does not yet let
 * replies in: on a real box typed over SSH, that line cuts the session off.
 */
function policyLine(network: Network, hostId: string, chain: ChainName, policy: 'allow' | 'deny'): string {
	const line = `iptables -P ${chain.toUpperCase()} ${policy === 'allow' ? 'ACCEPT' : 'DROP'}`;
	if (policy === 'allow') return line;
	const rules = chainOf(byId(network.hosts, hostId)!, chain).rules;
	const keepsReplies = rules.some((rule) => rule.action === 'allow' && rule.state === 'established' && rule.interface === undefined);
	return keepsReplies ? line : `${line}   # careful: no ESTABLISHED rule yet, so replies (and an SSH session) on ${chain.toUpperCase()} are dropped from now on`;
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
			'Chains are stateless, as in iptables: a reply is a packet like any other. allow established (-m conntrack --ctstate ESTABLISHED,RELATED) lets the replies of connections this host has seen pass.',
			'deny drops the packet (the client waits and times out); reject refuses it at once (the client sees connection refused).',
			'on lo matches traffic the host sends to itself (127.0.0.1 or its own address), which meets input and output too.',
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
		details: ['firewall append web input allow established — the rule that lets replies in; firewall append web input allow on lo — the host talking to itself.'],
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
		details: [
			'A policy of deny applies to replies too: allow established first, or the host loses the answers to its own connections (and your SSH session).',
			'iptables policies are ACCEPT or DROP only; to refuse instead, end the chain with firewall append <host> <chain> reject.',
		],
		params: [ref('host', 'host'), word('chain', CHAINS), word('policy', ['allow', 'deny', 'reject'])],
		apply: (network, args) => {
			if (args.policy === 'reject') {
				return fail(`a chain's policy is allow or deny only (iptables -P takes ACCEPT or DROP): to refuse what no rule allows, end the chain with firewall append ${args.host} ${args.chain} reject`, 'policy', {suggestion: 'deny'});
			}
			const problem = forwardCheck(network, args.host, args.chain);
			if (problem !== undefined) return problem;
			const current = chainOf(byId(network.hosts, args.host)!, args.chain);
			if (current.policy === args.policy) return fail(`${args.host} ${args.chain} already has policy ${args.policy}`, 'policy');
			return {
				network: withChain(network, args.host, args.chain, {...current, policy: args.policy}),
				summary: `${args.host} ${args.chain}: policy ${args.policy} (was ${current.policy}).`,
			};
		},
		realWorld: (args, before) => [policyLine(before, args.host, args.chain, args.policy === 'allow' ? 'allow' : 'deny')],
	}),
];
