import {isPublic, notPublicWords, parseAddress} from '../../engine/address.js';
import {hostSchema, INTERNET, type Host, type Network} from '../../engine/network.js';
import {address, flag, newId, optional, readAddress, ref, text, word} from '../args.js';
import {config, fail} from '../define.js';
import {addressProblem, byId, firstFreeAddress, interfaceName, updateHost, withoutId} from '../edit.js';
import type {Param, Problem} from '../types.js';

/** Hosts: create, delete, place in subnets, public IPs. */

/** An address, or `none` to take it away. */
function addressOrNone<const N extends string>(name: N): Param<N, string, false> {
	const plain = address(name);
	return {
		...plain,
		label: '<ip>|none',
		expected: 'an IPv4 address, or none',
		read: (token, context) => (token.text.toLowerCase() === 'none' ? {ok: true, value: 'none'} : plain.read(token, context)),
	};
}

/** Where a host goes: the subnet (or the internet) and the address, chosen or the first free one. */
function placement(network: Network, host: Host, subnetId: string, ip: string | undefined): {ip: string} | Problem {
	if (subnetId === INTERNET) {
		if (ip === undefined) return fail(`a host on the internet needs its public address: … ${INTERNET} 203.0.113.50`, 'subnet');
		if (!isPublic(parseAddress(ip)!)) return fail(`${ip} is ${notPublicWords(parseAddress(ip)!)}`, 'ip');
		return {ip};
	}
	const subnet = byId(network.subnets, subnetId)!;
	if (ip !== undefined) {
		const problem = addressProblem(subnet, ip);
		return problem === undefined ? {ip} : fail(problem, 'ip');
	}
	const free = firstFreeAddress(network, subnet, host.id);
	return free === undefined ? fail(`subnet ${subnet.id} (${subnet.cidr}) has no free address left`, 'subnet') : {ip: free};
}

function prefixOf(network: Network, subnetId: string): string {
	return byId(network.subnets, subnetId)?.cidr.split('/')[1] ?? '32';
}

/** `host create`, `host delete`, `host move`, `host attach`, `host detach`, `host public-ip`, `eip associate`. */
export const HOST_COMMANDS = [
	config({
		name: 'host create',
		summary: 'Add a machine: a server (default), a client, a cloud instance or a router.',
		example: 'host create api --kind instance',
		details: ['A new host is not placed anywhere yet: put it in a subnet with host move.', 'To make a router a NAT device, use nat enable.'],
		params: [
			newId('id', 'host'),
			flag('--kind', word('kind', ['server', 'client', 'instance', 'router'])),
			flag('--label', text('label', '<text>', 'a few words for the player')),
		],
		apply: (network, args) => {
			const host = hostSchema.parse({id: args.id, kind: args.kind ?? 'server', ...(args.label === undefined ? {} : {label: args.label})});
			return {network: {...network, hosts: [...network.hosts, host]}, summary: `Created ${host.kind} ${host.id} (not in any subnet yet).`};
		},
		realWorld: (args) => {
			if (args.kind === 'instance') {
				return [`aws ec2 run-instances --image-id ami-12345678 --instance-type t3.micro --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${args.id}}]'`];
			}
			if (args.kind === 'router') return ['sysctl -w net.ipv4.ip_forward=1   # a Linux machine that forwards packets is a router'];
			return [`hostnamectl set-hostname ${args.id}`];
		},
	}),
	config({
		name: 'host delete',
		summary: 'Remove a host (routes, containers and rules must not point at it any more).',
		example: 'host delete old-server',
		params: [ref('host', 'host')],
		apply: (network, args) => ({network: {...network, hosts: withoutId(network.hosts, args.host)}, summary: `Removed host ${args.host}.`}),
		realWorld: (args, before) =>
			byId(before.hosts, args.host)?.kind === 'instance' ? [`aws ec2 terminate-instances --instance-ids ${args.host}`] : [`shutdown -h now   # on ${args.host}`],
	}),
	config({
		name: 'host move',
		summary: "Put a host's primary interface in a subnet, at an address (default: the first free one).",
		example: 'host move web app',
		details: [
			'Without an address the host gets the first free one; a VPC subnet skips its first four addresses (AWS reserves them).',
			'Use the subnet name internet (with a public address) for a machine on the public internet.',
		],
		params: [ref('host', 'host'), ref('subnet', 'attachable-subnet', '<subnet>'), optional(address('ip'))],
		apply: (network, args) => {
			const host = byId(network.hosts, args.host)!;
			const current = host.interfaces[0];
			if (current?.subnet === args.subnet && (args.ip === undefined || args.ip === current.ip)) {
				return fail(`${host.id} is already in ${args.subnet} at ${current.ip}`, 'subnet');
			}
			if (host.interfaces.slice(1).some((face) => face.subnet === args.subnet)) {
				return fail(`${host.id} already has another interface in ${args.subnet}; detach it first`, 'subnet');
			}
			const placed = placement(network, host, args.subnet, args.ip);
			if ('problem' in placed) return placed;
			const interfaces = [{subnet: args.subnet, ip: placed.ip}, ...host.interfaces.slice(1)];
			return {
				network: updateHost(network, host.id, (item) => ({...item, interfaces})),
				summary: `${host.id} is now ${args.subnet === INTERNET ? 'on the internet' : `in ${args.subnet}`} at ${placed.ip}${current === undefined ? '' : ` (was ${current.subnet}, ${current.ip})`}.`,
			};
		},
		realWorld: (args, before, after) => {
			const host = byId(after.hosts, args.host)!;
			const ip = host.interfaces[0]!.ip;
			if (host.kind === 'instance') {
				return [
					'# an EC2 instance cannot change subnet: launch it (or an interface) there',
					`aws ec2 run-instances --subnet-id ${args.subnet} --private-ip-address ${ip} --image-id ami-12345678`,
				];
			}
			return ['ip addr flush dev eth0', `ip addr add ${ip}/${prefixOf(before, args.subnet)} dev eth0`];
		},
	}),
	config({
		name: 'host attach',
		summary: 'Give a host another interface, in another subnet (routers join subnets this way).',
		example: 'host attach r1 servers',
		params: [ref('host', 'host'), ref('subnet', 'attachable-subnet', '<subnet>'), optional(address('ip'))],
		apply: (network, args) => {
			const host = byId(network.hosts, args.host)!;
			if (host.interfaces.some((face) => face.subnet === args.subnet)) {
				return fail(`${host.id} already has an interface in ${args.subnet}`, 'subnet');
			}
			const placed = placement(network, host, args.subnet, args.ip);
			if ('problem' in placed) return placed;
			return {
				network: updateHost(network, host.id, (item) => ({...item, interfaces: [...item.interfaces, {subnet: args.subnet, ip: placed.ip}]})),
				summary: `${host.id} now also has ${placed.ip} in ${args.subnet}.`,
			};
		},
		realWorld: (args, before, after) => {
			const host = byId(after.hosts, args.host)!;
			const face = host.interfaces.at(-1)!;
			if (host.kind === 'instance') {
				return [
					`aws ec2 create-network-interface --subnet-id ${args.subnet} --private-ip-address ${face.ip}`,
					`aws ec2 attach-network-interface --instance-id ${host.id} --network-interface-id eni-12345678 --device-index ${host.interfaces.length - 1}`,
				];
			}
			return [`ip addr add ${face.ip}/${prefixOf(before, args.subnet)} dev ${interfaceName(host, args.subnet)}`];
		},
	}),
	config({
		name: 'host detach',
		summary: "Remove a host's interface in a subnet.",
		example: 'host detach r1 legacy',
		params: [ref('host', 'host'), ref('subnet', 'attachable-subnet', '<subnet>')],
		apply: (network, args) => {
			const host = byId(network.hosts, args.host)!;
			if (!host.interfaces.some((face) => face.subnet === args.subnet)) return fail(`${host.id} has no interface in ${args.subnet}`, 'subnet');
			return {
				network: updateHost(network, host.id, (item) => ({...item, interfaces: item.interfaces.filter((face) => face.subnet !== args.subnet)})),
				summary: `${host.id} left ${args.subnet}.`,
			};
		},
		realWorld: (args, before) => [`ip addr flush dev ${interfaceName(byId(before.hosts, args.host)!, args.subnet)}`],
	}),
	config({
		name: 'host public-ip',
		summary: 'Give a cloud instance a public (elastic) IP that the internet gateway maps to it, or none.',
		example: 'host public-ip web 203.0.113.10',
		params: [ref('host', 'host'), addressOrNone('ip')],
		check: (args) => publicCheck(args.ip),
		apply: (network, args) => setPublicIp(network, args.host, args.ip),
		realWorld: (args) => publicIpRealWorld(args.host, args.ip),
	}),
	config({
		name: 'eip associate',
		summary: 'Associate an elastic IP with an instance (the AWS way of saying host public-ip).',
		example: 'eip associate 203.0.113.10 web',
		params: [address('ip'), ref('host', 'host')],
		check: (args) => publicCheck(args.ip),
		apply: (network, args) => setPublicIp(network, args.host, args.ip),
		realWorld: (args) => publicIpRealWorld(args.host, args.ip),
	}),
];

function publicCheck(ip: string): Problem | undefined {
	if (ip === 'none' || !readAddress(ip).ok) return undefined;
	return isPublic(parseAddress(ip)!) ? undefined : fail(`${ip} is ${notPublicWords(parseAddress(ip)!)}`, 'ip');
}

function setPublicIp(network: Network, hostId: string, ip: string) {
	const host = byId(network.hosts, hostId)!;
	if (ip === 'none') {
		if (host.publicIp === undefined) return fail(`${host.id} has no public IP`, 'ip');
		const {publicIp, ...rest} = host;
		return {network: updateHost(network, host.id, () => rest), summary: `${host.id} no longer has a public IP (was ${publicIp}).`};
	}
	if (host.publicIp === ip) return fail(`${host.id} already has public IP ${ip}`, 'ip');
	const owner = network.hosts.find((other) => other.publicIp === ip) ?? network.natGateways.find((gateway) => gateway.publicIp === ip);
	if (owner !== undefined) return fail(`${ip} already belongs to ${owner.id}`, 'ip');
	return {network: updateHost(network, host.id, (item) => ({...item, publicIp: ip})), summary: `${host.id} now has public IP ${ip}.`};
}

function publicIpRealWorld(hostId: string, ip: string): string[] {
	if (ip === 'none') return [`aws ec2 disassociate-address --association-id eipassoc-12345678   # the association of ${hostId}'s address`];
	return [`aws ec2 associate-address --instance-id ${hostId} --public-ip ${ip}`];
}
