import {isPublic, parseAddress} from '../../engine/address.js';
import {address, cidr, newId, ref} from '../args.js';
import {config, fail} from '../define.js';
import {byId, firstFreeAddress, replaceById, withoutId} from '../edit.js';
import {nameTag} from './subnet.js';
import {awsBlockSizeProblem} from '../../engine/aws-limits.js';

/** The cloud: VPCs, internet gateways and NAT gateways. */

/** `vpc create`, `igw create`, `igw attach`, `igw detach`, `natgw create`, `natgw delete`. */
export const VPC_COMMANDS = [
	config({
		name: 'vpc create',
		summary: 'Create a VPC: your own private block of addresses in the cloud.',
		example: 'vpc create staging 10.1.0.0/16',
		details: ['Use a private block (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16); subnets are carved out of it.'],
		params: [newId('id', 'VPC'), cidr('cidr')],
		check: (args) => {
			const problem = awsBlockSizeProblem(args.cidr, 'vpc');
			return problem === undefined ? undefined : fail(problem, 'cidr');
		},
		apply: (network, args) => ({
			network: {...network, vpcs: [...network.vpcs, {id: args.id, cidr: args.cidr}]},
			summary: `Created VPC ${args.id} (${args.cidr}).`,
		}),
		realWorld: (args) => [`aws ec2 create-vpc --cidr-block ${args.cidr} ${nameTag('vpc', args.id)}`],
	}),
	config({
		name: 'igw create',
		summary: 'Create an internet gateway (it does nothing until attached to a VPC).',
		example: 'igw create igw-2',
		params: [newId('id', 'internet gateway')],
		apply: (network, args) => ({
			network: {...network, internetGateways: [...network.internetGateways, {id: args.id}]},
			summary: `Created internet gateway ${args.id} (not attached yet).`,
		}),
		realWorld: (args) => [`aws ec2 create-internet-gateway ${nameTag('internet-gateway', args.id)}`],
	}),
	config({
		name: 'igw attach',
		summary: 'Attach an internet gateway to a VPC (one gateway per VPC).',
		example: 'igw attach igw-lab lab',
		details: ['A subnet becomes public when its route table sends 0.0.0.0/0 to the attached gateway.'],
		params: [ref('igw', 'igw'), ref('vpc', 'vpc')],
		apply: (network, args) => {
			const gateway = byId(network.internetGateways, args.igw)!;
			if (gateway.vpc === args.vpc) return fail(`${args.igw} is already attached to ${args.vpc}`, 'vpc');
			if (gateway.vpc !== undefined) return fail(`${args.igw} is attached to ${gateway.vpc}; detach it first with igw detach ${args.igw}`, 'igw');
			const other = network.internetGateways.find((item) => item.vpc === args.vpc);
			if (other !== undefined) return fail(`VPC ${args.vpc} already has internet gateway ${other.id}: a VPC has at most one`, 'vpc');
			return {
				network: {...network, internetGateways: replaceById(network.internetGateways, args.igw, (item) => ({...item, vpc: args.vpc}))},
				summary: `Internet gateway ${args.igw} is attached to VPC ${args.vpc}.`,
			};
		},
		realWorld: (args) => [`aws ec2 attach-internet-gateway --internet-gateway-id ${args.igw} --vpc-id ${args.vpc}`],
	}),
	config({
		name: 'igw detach',
		summary: 'Detach an internet gateway from its VPC.',
		example: 'igw detach igw-1',
		params: [ref('igw', 'igw')],
		apply: (network, args) => {
			const gateway = byId(network.internetGateways, args.igw)!;
			if (gateway.vpc === undefined) return fail(`${args.igw} is not attached to any VPC`, 'igw');
			return {
				network: {...network, internetGateways: replaceById(network.internetGateways, args.igw, (item) => ({id: item.id}))},
				summary: `Internet gateway ${args.igw} is detached from VPC ${gateway.vpc}.`,
			};
		},
		realWorld: (args, before) => [
			`aws ec2 detach-internet-gateway --internet-gateway-id ${args.igw} --vpc-id ${byId(before.internetGateways, args.igw)?.vpc ?? '<vpc>'}`,
		],
	}),
	config({
		name: 'natgw create',
		summary: 'Create a NAT gateway in a (public) subnet with an elastic IP; it takes the first free address there.',
		example: 'natgw create nat-2 public 203.0.113.21',
		details: [
			'Private subnets reach the internet by routing 0.0.0.0/0 to the NAT gateway.',
			'The NAT gateway itself must sit in a public subnet (one whose route table leads to an internet gateway).',
		],
		params: [newId('id', 'NAT gateway'), ref('subnet', 'subnet'), address('publicIp', '<public-ip>')],
		check: (args) =>
			parseAddress(args.publicIp) !== undefined && !isPublic(parseAddress(args.publicIp)!)
				? fail(`${args.publicIp} is not a public address: an elastic IP must be routable on the internet`, 'publicIp')
				: undefined,
		apply: (network, args) => {
			const subnet = byId(network.subnets, args.subnet)!;
			if (subnet.vpc === undefined) return fail(`NAT gateways live in VPC subnets, and ${subnet.id} is not in a VPC — use a NAT device (nat enable) on premises`, 'subnet');
			const owner = network.hosts.find((host) => host.publicIp === args.publicIp) ?? network.natGateways.find((gateway) => gateway.publicIp === args.publicIp);
			if (owner !== undefined) return fail(`${args.publicIp} already belongs to ${owner.id}`, 'publicIp');
			const privateIp = firstFreeAddress(network, subnet);
			if (privateIp === undefined) return fail(`subnet ${subnet.id} has no free address for the NAT gateway`, 'subnet');
			return {
				network: {...network, natGateways: [...network.natGateways, {id: args.id, subnet: args.subnet, privateIp, publicIp: args.publicIp}]},
				summary: `Created NAT gateway ${args.id} in ${args.subnet} at ${privateIp}, public IP ${args.publicIp}.`,
			};
		},
		realWorld: (args) => [
			`aws ec2 allocate-address --domain vpc   # the elastic IP ${args.publicIp}: note its AllocationId`,
			`aws ec2 create-nat-gateway --subnet-id ${args.subnet} --allocation-id eipalloc-12345678 ${nameTag('natgateway', args.id)}`,
		],
	}),
	config({
		name: 'natgw delete',
		summary: 'Delete a NAT gateway (routes must not point at it any more).',
		example: 'natgw delete nat-1',
		params: [ref('natgw', 'natgw')],
		apply: (network, args) => {
			const users = network.routeTables.filter((table) => table.routes.some((route) => route.target === args.natgw)).map((table) => table.id);
			if (users.length > 0) return fail(`route table${users.length === 1 ? '' : 's'} ${users.join(', ')} still send${users.length === 1 ? 's' : ''} traffic to ${args.natgw}: remove those routes first`, 'natgw');
			return {network: {...network, natGateways: withoutId(network.natGateways, args.natgw)}, summary: `Deleted NAT gateway ${args.natgw}.`};
		},
		realWorld: (args) => [`aws ec2 delete-nat-gateway --nat-gateway-id ${args.natgw}`],
	}),
];
