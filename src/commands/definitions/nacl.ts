import {formatPortRange, rangeOf} from '../../engine/ports.js';
import type {NaclRule, Network, NetworkAcl} from '../../engine/network.js';
import {cidr, count, flag, newId, optional, portRange, ref, word} from '../args.js';
import {config, fail} from '../define.js';
import {byId, replaceById} from '../edit.js';
import {awsPorts, awsProtocol} from '../real-world.js';

/**
 * Network ACLs: stateless subnet filters with numbered rules (lowest first,
 * first match, then a final deny), one list per direction. Because they are
 * stateless, replies need their own rule: usually the ephemeral ports
 * 1024–65535 in the other direction.
 */

function withAcl(network: Network, id: string, change: (acl: NetworkAcl) => NetworkAcl): Network {
	return {...network, networkAcls: replaceById(network.networkAcls, id, change)};
}

function describe(rule: NaclRule): string {
	return `${rule.rule} ${rule.action} ${rule.protocol}${rule.ports === undefined ? '' : ` ${rule.ports}`} ${rule.cidr}`;
}

/** `nacl create`, `nacl add`, `nacl remove`, `nacl associate`. */
export const NACL_COMMANDS = [
	config({
		name: 'nacl create',
		summary: 'Create a network ACL with no rules (everything denied until rules allow it).',
		example: 'nacl create acl-db --vpc main',
		params: [newId('id', 'network ACL'), flag('--vpc', ref('vpc', 'vpc'))],
		apply: (network, args) => ({
			network: {...network, networkAcls: [...network.networkAcls, {id: args.id, ...(args.vpc === undefined ? {} : {vpc: args.vpc}), inbound: [], outbound: []}]},
			summary: `Created network ACL ${args.id}: it denies everything until you add rules.`,
		}),
		realWorld: (args) => [`aws ec2 create-network-acl --vpc-id ${args.vpc ?? '<vpc>'}`],
	}),
	config({
		name: 'nacl add',
		summary: 'Add a numbered rule to the inbound or outbound list of a network ACL (lowest number first).',
		example: 'nacl add acl-public inbound 100 allow tcp 443 0.0.0.0/0',
		details: [
			'Network ACLs are stateless: the reply of an allowed request needs its own rule in the other direction,',
			'usually allow tcp 1024-65535 (the ephemeral ports clients send from).',
			'The CIDR is the source for inbound rules and the destination for outbound rules.',
		],
		params: [
			ref('acl', 'nacl', '<nacl>'),
			word('direction', ['inbound', 'outbound']),
			count('rule', '<rule#>', 1, 32766, 'a rule number'),
			word('action', ['allow', 'deny']),
			word('protocol', ['tcp', 'udp', 'all']),
			optional(portRange('ports')),
			cidr('cidr', '<cidr>', true),
		],
		check: (args) => (args.ports !== undefined && args.protocol === 'all' ? fail('all means every protocol and port: leave the port out, or write tcp or udp', 'ports') : undefined),
		apply: (network, args) => {
			const acl = byId(network.networkAcls, args.acl)!;
			const list = acl[args.direction];
			const clash = list.find((rule) => rule.rule === args.rule);
			if (clash !== undefined) return fail(`${args.acl} already has ${args.direction} rule ${args.rule} (${describe(clash)}); pick another number or remove it`, 'rule');
			const rule: NaclRule = {
				rule: args.rule,
				action: args.action,
				protocol: args.protocol,
				...(args.ports === undefined ? {} : {ports: formatPortRange(rangeOf(args.ports))}),
				cidr: args.cidr,
			};
			return {
				network: withAcl(network, acl.id, (item) => ({...item, [args.direction]: [...item[args.direction], rule]})),
				summary: `${args.acl} ${args.direction} rule ${describe(rule)}.`,
			};
		},
		realWorld: (args) => {
			const range = awsPorts(args.ports);
			return [
				[
					`aws ec2 create-network-acl-entry --network-acl-id ${args.acl}`,
					args.direction === 'inbound' ? '--ingress' : '--egress',
					`--rule-number ${args.rule} --protocol ${awsProtocol(args.protocol)}`,
					...(args.protocol === 'all' ? [] : [`--port-range From=${range.from},To=${range.to}`]),
					`--cidr-block ${args.cidr} --rule-action ${args.action}`,
				].join(' '),
			];
		},
	}),
	config({
		name: 'nacl remove',
		summary: 'Remove a numbered rule from a network ACL.',
		example: 'nacl remove acl-public inbound 200',
		params: [ref('acl', 'nacl', '<nacl>'), word('direction', ['inbound', 'outbound']), count('rule', '<rule#>', 1, 32766, 'a rule number')],
		apply: (network, args) => {
			const acl = byId(network.networkAcls, args.acl)!;
			const list = acl[args.direction];
			const found = list.find((rule) => rule.rule === args.rule);
			if (found === undefined) {
				const numbers = list.map((rule) => rule.rule).sort((a, b) => a - b);
				return fail(`${args.acl} has no ${args.direction} rule ${args.rule}${numbers.length === 0 ? '' : ` (rules: ${numbers.join(', ')})`}`, 'rule');
			}
			return {
				network: withAcl(network, acl.id, (item) => ({...item, [args.direction]: item[args.direction].filter((rule) => rule !== found)})),
				summary: `${args.acl}: removed ${args.direction} rule ${describe(found)}.`,
			};
		},
		realWorld: (args) => [
			`aws ec2 delete-network-acl-entry --network-acl-id ${args.acl} ${args.direction === 'inbound' ? '--ingress' : '--egress'} --rule-number ${args.rule}`,
		],
	}),
	config({
		name: 'nacl associate',
		summary: 'Make a subnet use a network ACL (a subnet has exactly one).',
		example: 'nacl associate acl-public public',
		params: [ref('acl', 'nacl', '<nacl>'), ref('subnet', 'subnet')],
		apply: (network, args) => {
			const subnet = byId(network.subnets, args.subnet)!;
			if (subnet.networkAcl === args.acl) return fail(`${args.subnet} already uses ${args.acl}`, 'subnet');
			return {
				network: {...network, subnets: replaceById(network.subnets, subnet.id, (item) => ({...item, networkAcl: args.acl}))},
				summary: `${args.subnet} now uses network ACL ${args.acl}${subnet.networkAcl === undefined ? '' : ` (was ${subnet.networkAcl})`}.`,
			};
		},
		realWorld: (args) => [
			`aws ec2 replace-network-acl-association --association-id aclassoc-12345678 --network-acl-id ${args.acl}   # the current association of ${args.subnet}`,
		],
	}),
];
