import {firstUsable, formatAddress, hostAddressProblem, lastAddress, parseAddress, parseCidr} from '../engine/address.js';
import type {Host, Network, Subnet} from '../engine/network.js';

/**
 * Small immutable helpers for building a changed network: replace one item
 * of a list by id, find things, and pick the first free address of a block.
 * Nothing here mutates its input.
 */

/** A copy of `items` where the item with `id` is replaced by `change(item)`. */
export function replaceById<T extends {readonly id: string}>(items: readonly T[], id: string, change: (item: T) => T): T[] {
	return items.map((item) => (item.id === id ? change(item) : item));
}

/** The item with `id`, if any. */
export function byId<T extends {readonly id: string}>(items: readonly T[], id: string): T | undefined {
	return items.find((item) => item.id === id);
}

/** A copy of `items` without the item with `id`. */
export function withoutId<T extends {readonly id: string}>(items: readonly T[], id: string): T[] {
	return items.filter((item) => item.id !== id);
}

/** True when the subnet belongs to a VPC (cloud subnets reserve their first four and last address). */
export function isCloud(subnet: Subnet): boolean {
	return subnet.vpc !== undefined;
}

/** Addresses already used in a subnet: host interfaces and NAT gateways (optionally ignoring one host). */
export function usedAddresses(network: Network, subnetId: string, ignoreHost?: string): Set<string> {
	const used = new Set<string>();
	for (const host of network.hosts) {
		if (host.id === ignoreHost) continue;
		for (const face of host.interfaces) if (face.subnet === subnetId) used.add(face.ip);
	}
	for (const gateway of network.natGateways) if (gateway.subnet === subnetId) used.add(gateway.privateIp);
	return used;
}

/**
 * The first free host address of a subnet (after the network address, and in
 * a cloud subnet after the four reserved ones); undefined when it is full.
 */
export function firstFreeAddress(network: Network, subnet: Subnet, ignoreHost?: string): string | undefined {
	const block = parseCidr(subnet.cidr);
	if (block === undefined) return undefined;
	const used = usedAddresses(network, subnet.id, ignoreHost);
	const cloud = isCloud(subnet);
	const last = lastAddress(block);
	for (let value = firstUsable(block, cloud), tries = 0; value <= last && tries < 65536; value++, tries++) {
		if (hostAddressProblem(block, value, cloud) !== undefined) continue;
		const text = formatAddress(value);
		if (!used.has(text)) return text;
	}
	return undefined;
}

/** The first free container address of a container network (Docker gives .1 to the bridge itself). */
export function firstFreeContainerAddress(network: Network, networkId: string, cidr: string): string | undefined {
	const block = parseCidr(cidr);
	if (block === undefined) return undefined;
	const used = new Set(network.containers.flatMap((container) => container.networks.filter((entry) => entry.network === networkId).map((entry) => entry.ip)));
	const last = lastAddress(block);
	for (let value = firstUsable(block, false) + 1, tries = 0; value < last && tries < 65536; value++, tries++) {
		const text = formatAddress(value);
		if (!used.has(text)) return text;
	}
	return undefined;
}

/** Why `ip` cannot be a host address in `subnet`, in words; undefined when it can. */
export function addressProblem(subnet: Subnet, ip: string): string | undefined {
	const block = parseCidr(subnet.cidr);
	const value = parseAddress(ip);
	if (block === undefined || value === undefined) return undefined;
	const problem = hostAddressProblem(block, value, isCloud(subnet));
	switch (problem) {
		case undefined:
			return undefined;
		case 'outside':
			return `${ip} is not inside subnet ${subnet.id} (${subnet.cidr})`;
		case 'network':
			return `${ip} is the network address of ${subnet.id} (${subnet.cidr}); hosts cannot use it`;
		case 'broadcast':
			return `${ip} is the broadcast address of ${subnet.id} (${subnet.cidr}); hosts cannot use it`;
		case 'reserved':
			return `${ip} is reserved by AWS in ${subnet.id}: the first four addresses and the last of a VPC subnet are not for hosts`;
	}
}

/** The Linux interface name of a host's interface in a subnet (`eth0`, `eth1`…), by position. */
export function interfaceName(host: Host, subnetId: string): string {
	const index = host.interfaces.findIndex((face) => face.subnet === subnetId);
	return `eth${Math.max(index, 0)}`;
}

/** Replaces the host with `id` inside the network. */
export function updateHost(network: Network, id: string, change: (host: Host) => Host): Network {
	return {...network, hosts: replaceById(network.hosts, id, change)};
}
