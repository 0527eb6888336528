import {firstUsable, formatAddress, lastAddress, parseCidr, usableHosts} from '../../engine/address.js';
import {subnetSchema} from '../../engine/network.js';
import {cidr, flag, newId, ref} from '../args.js';
import {config, fail} from '../define.js';
import {byId, withoutId} from '../edit.js';
import {awsBlockSizeProblem} from '../../engine/aws-limits.js';

/** Subnets: blocks of addresses, on premises or inside a VPC. */

/** `--tag-specifications` giving an AWS resource the player's name. */
export function nameTag(type: string, name: string): string {
	return `--tag-specifications 'ResourceType=${type},Tags=[{Key=Name,Value=${name}}]'`;
}

/** `subnet create`, `subnet delete`. */
export const SUBNET_COMMANDS = [
	config({
		name: 'subnet create',
		summary: 'Create a subnet: a block of addresses (inside a VPC with --vpc).',
		example: 'subnet create db 10.0.3.0/24 --vpc main',
		details: [
			'Subnets of one network must not overlap; a VPC subnet must lie inside the VPC block.',
			'A VPC subnet loses five addresses: AWS reserves the first four and the last.',
			'AWS accepts VPC and subnet blocks from /16 to /28.',
		],
		params: [newId('id', 'subnet'), cidr('cidr'), flag('--vpc', ref('vpc', 'vpc'))],
		apply: (network, args) => {
			const tooBig = args.vpc === undefined ? undefined : awsBlockSizeProblem(args.cidr, 'subnet');
			if (tooBig !== undefined) return fail(tooBig, 'cidr');
			const subnet = subnetSchema.parse({id: args.id, cidr: args.cidr, ...(args.vpc === undefined ? {} : {vpc: args.vpc})});
			return {
				network: {...network, subnets: [...network.subnets, subnet]},
				summary: `Created subnet ${args.id} (${args.cidr})${args.vpc === undefined ? '' : ` in VPC ${args.vpc}`}.`,
			};
		},
		realWorld: (args) => {
			if (args.vpc !== undefined) return [`aws ec2 create-subnet --vpc-id ${args.vpc} --cidr-block ${args.cidr} ${nameTag('subnet', args.id)}`];
			const block = parseCidr(args.cidr)!;
			return [
				`# ${args.cidr}: ${usableHosts(block, false)} host addresses, ${formatAddress(firstUsable(block, false))}–${formatAddress(lastAddress(block) - 1)}`,
				`ip addr add <address>/${block.prefix} dev eth0   # on each machine you put in it`,
			];
		},
	}),
	config({
		name: 'subnet delete',
		summary: 'Delete an empty subnet.',
		example: 'subnet delete spare',
		params: [ref('subnet', 'subnet')],
		apply: (network, args) => {
			const inside = [
				...network.hosts.filter((host) => host.interfaces.some((face) => face.subnet === args.subnet)).map((host) => host.id),
				...network.natGateways.filter((gateway) => gateway.subnet === args.subnet).map((gateway) => gateway.id),
			];
			if (inside.length > 0) return fail(`subnet ${args.subnet} is not empty: ${inside.join(', ')} still in it — move them first`, 'subnet');
			return {network: {...network, subnets: withoutId(network.subnets, args.subnet)}, summary: `Deleted subnet ${args.subnet}.`};
		},
		realWorld: (args, before) =>
			byId(before.subnets, args.subnet)?.vpc === undefined
				? [`ip addr flush dev eth1   # the router leaves ${args.subnet}`]
				: [`aws ec2 delete-subnet --subnet-id ${args.subnet}`],
	}),
];
