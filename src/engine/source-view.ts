import {formatAddress, parseAddress} from './address.js';
import {INTERNET, type Host} from './network.js';
import type {AddressOwner, PublicOwner, Topology} from './topology.js';

/**
 * The network as it is when a sample host sends from another address of the
 * class it stands for: the host's first interface carries `address` instead
 * of its own, and every "who owns this address" map knows it, so replies
 * find their way back to it. Everything else (its filters, its subnet, its
 * groups) is the sample's: an address of the class sends from where the
 * sample sits. Built in time proportional to the hosts and subnets, not the
 * rules; the topology's other indexes are shared.
 */

function withEntry<K, V>(map: ReadonlyMap<K, V> | undefined, key: K, value: V): Map<K, V> {
	const copy = new Map(map ?? []);
	copy.set(key, value);
	return copy;
}

const views = new WeakMap<Topology, {key: string; view: Topology}>();

/** The topology seen from `hostId` sending as `address` (the base topology when the host sends from its own address or does not exist). */
export function sourceView(topology: Topology, hostId: string, address: number): Topology {
	const host = topology.hosts.get(hostId);
	const first = host?.interfaces[0];
	if (host === undefined || first === undefined || first.ip === formatAddress(address)) return topology;
	const key = `${hostId}\u0000${address}`;
	const last = views.get(topology);
	if (last?.key === key) return last.view;
	const moved: Host = {...host, interfaces: [{...first, ip: formatAddress(address)}, ...host.interfaces.slice(1)]};
	const own = new Set(topology.hostAddresses.get(hostId) ?? []);
	const original = parseAddress(first.ip);
	if (original !== undefined && !host.interfaces.slice(1).some((other) => other.ip === first.ip)) own.delete(original);
	own.add(address);
	let {subnetOwners, vpcOwners, publicOwners} = topology;
	if (first.subnet === INTERNET) {
		publicOwners = withEntry<number, PublicOwner>(publicOwners, address, {kind: 'internet-host', host: moved});
	} else {
		const owner: AddressOwner = {kind: 'host', host: moved, subnet: first.subnet};
		subnetOwners = withEntry(subnetOwners, first.subnet, withEntry(subnetOwners.get(first.subnet), address, owner));
		const vpc = topology.subnets.get(first.subnet)?.vpc;
		if (vpc !== undefined) vpcOwners = withEntry(vpcOwners, vpc, withEntry(vpcOwners.get(vpc), address, owner));
	}
	const view: Topology = {
		...topology,
		hosts: withEntry(topology.hosts, hostId, moved),
		hostAddresses: withEntry<string, ReadonlySet<number>>(topology.hostAddresses, hostId, own),
		subnetOwners,
		vpcOwners,
		publicOwners,
	};
	views.set(topology, {key, view});
	return view;
}
