import {formatPortRange, rangeOf} from '../../engine/ports.js';
import type {Network, SecurityGroup, SgInboundRule, SgOutboundRule} from '../../engine/network.js';
import {flag, lookup, newId, optional, portRange, readCidrText, ref, text, word} from '../args.js';
import {config, fail} from '../define.js';
import {byId, replaceById, updateHost} from '../edit.js';
import {awsPorts, awsProtocol} from '../real-world.js';
import type {Param, Problem} from '../types.js';

/**
 * Security groups: stateful, allow-only firewalls attached to instances.
 * Inbound is denied unless a rule allows it; a new group allows all outbound
 * traffic (AWS's default rule) until that rule is revoked.
 */

/** A CIDR block or a security group id (members of that group). */
function peer<const N extends string>(name: N): Param<N, string, false> {
	return {
		name,
		optional: false,
		label: '<cidr|sg>',
		expected: 'a CIDR block like 0.0.0.0/0 or a security group id',
		read: (token, context) => {
			if (/^[\d./]+$/.test(token.text)) return readCidrText(token.text);
			if (['any', 'anywhere', 'all', 'world', 'internet', 'everyone'].includes(token.text.toLowerCase())) {
				return {ok: false, message: `'${token.text}' is not a block: anywhere is 0.0.0.0/0 (a source is a CIDR block or a security group)`, expected: 'a CIDR block like 0.0.0.0/0 or a security group id', suggestion: '0.0.0.0/0'};
			}
			return context.network === undefined ? {ok: true, value: token.text} : lookup(context.network, 'sg', token.text);
		},
		candidates: (context) => ['0.0.0.0/0', ...(context.network?.securityGroups.map((group) => group.id) ?? [])],
	};
}

const ruleParams = [
	ref('group', 'sg', '<sg>'),
	word('direction', ['inbound', 'outbound']),
	word('protocol', ['tcp', 'udp', 'all']),
	optional(portRange('ports')),
	word('preposition', ['from', 'to']),
	peer('peer'),
] as const;

type RuleArgs = {
	readonly group: string;
	readonly direction: 'inbound' | 'outbound';
	readonly protocol: 'tcp' | 'udp' | 'all';
	readonly ports: string | undefined;
	readonly preposition: 'from' | 'to';
	readonly peer: string;
};

function checkRule(args: RuleArgs): Problem | undefined {
	if (args.ports !== undefined && args.protocol === 'all') return fail('all means every protocol and port: leave the port out, or write tcp or udp', 'ports');
	if (args.direction === 'inbound' && args.preposition !== 'from') return fail('an inbound rule names where traffic comes from: write from', 'preposition', {suggestion: 'from'});
	if (args.direction === 'outbound' && args.preposition !== 'to') return fail('an outbound rule names where traffic goes to: write to', 'preposition', {suggestion: 'to'});
	return undefined;
}

/** Ports compared by meaning: `443` equals `443-443`, and no ports equals 1-65535. */
const samePorts = (a: string | undefined, b: string | undefined) => formatPortRange(rangeOf(a)) === formatPortRange(rangeOf(b));

function findRule(group: SecurityGroup, args: RuleArgs): number {
	if (args.direction === 'inbound') {
		return group.inbound.findIndex((rule) => rule.protocol === args.protocol && samePorts(rule.ports, args.ports) && rule.source === args.peer);
	}
	return group.outbound.findIndex((rule) => rule.protocol === args.protocol && samePorts(rule.ports, args.ports) && rule.destination === args.peer);
}

function describe(args: RuleArgs): string {
	return [args.direction, args.protocol, args.ports, args.preposition, args.peer].filter((part) => part !== undefined).join(' ');
}

function withGroup(network: Network, id: string, change: (group: SecurityGroup) => SecurityGroup): Network {
	return {...network, securityGroups: replaceById(network.securityGroups, id, change)};
}

function awsRule(verb: 'authorize' | 'revoke', args: RuleArgs, network: Network): string {
	const isGroup = byId(network.securityGroups, args.peer) !== undefined;
	if (args.direction === 'inbound') {
		const ports = args.protocol === 'all' ? '' : ` --port ${args.ports ?? '0-65535'}`;
		const source = isGroup ? `--source-group ${args.peer}` : `--cidr ${args.peer}`;
		return `aws ec2 ${verb}-security-group-ingress --group-id ${args.group} --protocol ${awsProtocol(args.protocol)}${ports} ${source}`;
	}
	const range = awsPorts(args.ports);
	const ports = args.protocol === 'all' ? '' : `,FromPort=${range.from},ToPort=${range.to}`;
	const target = isGroup ? `UserIdGroupPairs=[{GroupId=${args.peer}}]` : `IpRanges=[{CidrIp=${args.peer}}]`;
	return `aws ec2 ${verb}-security-group-egress --group-id ${args.group} --ip-permissions 'IpProtocol=${awsProtocol(args.protocol)}${ports},${target}'`;
}

/**
 * --groups replaces the instance's whole list and AWS refuses an empty one: an instance always has at
 * least one group. With none left in the game, the real line puts the instance back in its VPC's
 * default group, looked up by name (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html).
 */
function groupsLine(network: Network, hostId: string): string {
	const host = byId(network.hosts, hostId);
	const groups = host?.securityGroups ?? [];
	if (groups.length > 0) return `aws ec2 modify-instance-attribute --instance-id ${hostId} --groups ${groups.join(' ')}`;
	const vpc = host?.interfaces.map((attachment) => byId(network.subnets, attachment.subnet)?.vpc).find((id) => id !== undefined);
	const filters = `${vpc === undefined ? '' : `Name=vpc-id,Values=${vpc} `}Name=group-name,Values=default`;
	const lookupDefault = `$(aws ec2 describe-security-groups --filters ${filters} --query 'SecurityGroups[0].GroupId' --output text)`;
	return `aws ec2 modify-instance-attribute --instance-id ${hostId} --groups ${lookupDefault}`;
}

/** `sg create`, `sg allow`, `sg revoke`, `sg attach`, `sg detach`. */
export const SG_COMMANDS = [
	config({
		name: 'sg create',
		summary: 'Create a security group: no inbound rule (all denied), all outbound allowed.',
		example: 'sg create sg-api --vpc main',
		params: [newId('id', 'security group'), flag('--vpc', ref('vpc', 'vpc')), flag('--description', text('description', '<text>', 'what the group is for'))],
		apply: (network, args) => {
			// A security group always belongs to a VPC; with a single VPC around, that is the one (as the AWS console preselects it).
			const vpc = args.vpc ?? (network.vpcs.length === 1 ? network.vpcs[0]!.id : undefined);
			const group: SecurityGroup = {
				id: args.id,
				...(vpc === undefined ? {} : {vpc}),
				...(args.description === undefined ? {} : {description: args.description}),
				inbound: [],
				outbound: [{protocol: 'all', destination: '0.0.0.0/0'}],
			};
			return {
				network: {...network, securityGroups: [...network.securityGroups, group]},
				summary: `Created security group ${args.id}${vpc === undefined ? '' : ` in VPC ${vpc}`} (inbound: nothing allowed yet).`,
			};
		},
		realWorld: (args, _before, after) => {
			const vpc = byId(after.securityGroups, args.id)?.vpc;
			return [`aws ec2 create-security-group --group-name ${args.id} --description '${args.description ?? args.id}'${vpc === undefined ? '' : ` --vpc-id ${vpc}`}`];
		},
	}),
	config({
		name: 'sg allow',
		summary: 'Allow traffic in (from a CIDR block or group) or out (to one); replies always pass.',
		example: 'sg allow sg-web inbound tcp 443 from 0.0.0.0/0',
		details: [
			'Security groups are stateful and allow-only: there are no deny rules, and replies to allowed traffic pass.',
			'A source can be another security group: its members are allowed, whatever their addresses.',
			'A new group allows all outbound traffic; sg revoke <sg> outbound all to 0.0.0.0/0 removes that.',
		],
		params: ruleParams,
		check: checkRule,
		apply: (network, args) => {
			const group = byId(network.securityGroups, args.group)!;
			if (findRule(group, args) >= 0) return fail(`${args.group} already allows ${describe(args)}`, 'group');
			const next = withGroup(network, group.id, (item) =>
				args.direction === 'inbound'
					? {...item, inbound: [...item.inbound, inboundRule(args)]}
					: {...item, outbound: [...item.outbound, outboundRule(args)]},
			);
			return {network: next, summary: `${args.group} allows ${describe(args)}.`};
		},
		realWorld: (args, before) => [awsRule('authorize', args, before)],
	}),
	config({
		name: 'sg revoke',
		summary: 'Remove an allow rule from a security group (same words as sg allow).',
		example: 'sg revoke sg-web inbound tcp 22 from 0.0.0.0/0',
		params: ruleParams,
		check: checkRule,
		apply: (network, args) => {
			const group = byId(network.securityGroups, args.group)!;
			const index = findRule(group, args);
			if (index < 0) return fail(`${args.group} has no rule ${describe(args)}`, 'group');
			const next = withGroup(network, group.id, (item) =>
				args.direction === 'inbound'
					? {...item, inbound: item.inbound.filter((_, position) => position !== index)}
					: {...item, outbound: item.outbound.filter((_, position) => position !== index)},
			);
			return {network: next, summary: `${args.group} no longer allows ${describe(args)}.`};
		},
		realWorld: (args, before) => [awsRule('revoke', args, before)],
	}),
	config({
		name: 'sg attach',
		summary: 'Attach a security group to an instance (its rules add up with the other groups).',
		example: 'sg attach sg-web web',
		params: [ref('group', 'sg', '<sg>'), ref('host', 'host')],
		apply: (network, args) => {
			const host = byId(network.hosts, args.host)!;
			if (host.securityGroups.includes(args.group)) return fail(`${args.host} already has ${args.group}`, 'group');
			const groupVpc = byId(network.securityGroups, args.group)?.vpc;
			const hostVpc = byId(network.subnets, host.interfaces[0]?.subnet ?? '')?.vpc;
			if (groupVpc !== undefined && hostVpc !== undefined && groupVpc !== hostVpc) {
				return fail(`${args.group} belongs to VPC ${groupVpc} but ${args.host} is in VPC ${hostVpc}: a security group works only inside its own VPC`, 'group');
			}
			return {
				network: updateHost(network, host.id, (item) => ({...item, securityGroups: [...item.securityGroups, args.group]})),
				summary: `${args.host} is now in security group ${args.group}.`,
			};
		},
		realWorld: (args, _before, after) => [groupsLine(after, args.host)],
	}),
	config({
		name: 'sg detach',
		summary: 'Detach a security group from an instance.',
		example: 'sg detach sg-old web',
		params: [ref('group', 'sg', '<sg>'), ref('host', 'host')],
		apply: (network, args) => {
			const host = byId(network.hosts, args.host)!;
			if (!host.securityGroups.includes(args.group)) return fail(`${args.host} is not in ${args.group}`, 'group');
			return {
				network: updateHost(network, host.id, (item) => ({...item, securityGroups: item.securityGroups.filter((id) => id !== args.group)})),
				summary: `${args.host} left security group ${args.group}.`,
			};
		},
		realWorld: (args, _before, after) => [groupsLine(after, args.host)],
	}),
];

function inboundRule(args: RuleArgs): SgInboundRule {
	return {protocol: args.protocol, ...(args.ports === undefined ? {} : {ports: args.ports}), source: args.peer};
}

function outboundRule(args: RuleArgs): SgOutboundRule {
	return {protocol: args.protocol, ...(args.ports === undefined ? {} : {ports: args.ports}), destination: args.peer};
}
