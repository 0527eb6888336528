import {formatAddress, parseCidr} from '../engine/address.js';
import {INTERNET, type App, type Container, type Host, type Network} from '../engine/network.js';
import {CHAINS, iptablesChainLines} from '../commands/definitions/firewall.js';
import {masqueradeLine, portForwardLine} from '../commands/definitions/nat.js';
import {ipRoute} from '../commands/definitions/route.js';

/**
 * What `netquest lab` builds for a network, as plain data: one Linux network
 * namespace per host and per container, a bridge per subnet (in a switch
 * namespace), one bridge for the internet (in a namespace playing the
 * internet), a bridge per Docker network (on its Docker host, as Docker makes
 * them), the cables between them, and for each node the shell lines that put
 * the network's state on it — the same `ip`, `iptables` and `sysctl` lines
 * netquest prints as real-world equivalents, and the rules Docker installs.
 * Pure: building it runs nothing.
 */

/** A namespace of the lab: a host or a container of the network. */
export type LabNode = {readonly id: string; readonly kind: 'host' | 'container'};

/**
 * A layer-2 segment: a subnet or the internet (a bridge in the switch or the
 * internet namespace), or a Docker network (a bridge on its Docker host, with
 * the gateway address Docker gives it).
 */
export type Lan = {
	readonly id: string;
	readonly bridge: string;
	/** `switch`, `internet`, or the id of the Docker host whose bridge it is. */
	readonly on: string;
	/** A Docker bridge's own address, `172.17.0.1/16`. */
	readonly gateway?: string;
};

/** A cable: interface `dev` of `node` plugged into `lan`. */
export type Cable = {readonly node: string; readonly dev: string; readonly lan: string};

/** A TCP/UDP forwarder on a Docker host, like docker-proxy: what reaches the host's own port locally goes to the container. */
export type Proxy = {
	readonly protocol: 'tcp' | 'udp';
	readonly listenIp: string;
	readonly listenPort: number;
	readonly toIp: string;
	readonly toPort: number;
};

/** The small servers of one node: its apps, and a Docker host's proxies. */
export type Servers = {readonly node: string; readonly apps: readonly App[]; readonly proxies: readonly Proxy[]};

/** Shell lines to run on one node, in order. */
export type NodeLines = {readonly node: string; readonly lines: readonly string[]};

/** Everything the lab builds for one network. */
export type LabPlan = {
	readonly nodes: readonly LabNode[];
	readonly lans: readonly Lan[];
	readonly cables: readonly Cable[];
	/** The state of each node, as shell lines (hosts first, then containers). */
	readonly setup: readonly NodeLines[];
	/** The Docker rules of each Docker host that change with its networks and published ports (`-A`/`-I` lines; the same with `-D` removes them). */
	readonly docker: readonly NodeLines[];
	readonly servers: readonly Servers[];
	/** `/etc/hosts` of each node: its view of DNS. */
	readonly hosts: readonly NodeLines[];
};

/** The lan id of a Docker network. */
export function dockerLanId(networkId: string): string {
	return `docker:${networkId}`;
}

/** The interface name of a node's `index`-th attachment, as netquest prints it (`eth0`, `eth1`…). */
export function devName(index: number): string {
	return `eth${index}`;
}

function prefixOf(network: Network, subnetId: string): number {
	if (subnetId === INTERNET) return 32;
	const subnet = network.subnets.find((item) => item.id === subnetId);
	return subnet === undefined ? 32 : (parseCidr(subnet.cidr)?.prefix ?? 32);
}

/** The first host address of a block: Docker's gateway of a network. */
export function gatewayOf(cidr: string): string | undefined {
	const block = parseCidr(cidr);
	return block === undefined ? undefined : formatAddress(block.base + 1);
}

/** Forwarding hosts: routers and NAT devices. */
function forwards(host: Host): boolean {
	return host.kind === 'router' || host.kind === 'nat';
}

/** The route table a host's own Linux routing holds: a forwarder's own table, else its primary subnet's. */
export function tableOfHost(network: Network, host: Host): string | undefined {
	if (forwards(host)) return host.routeTable;
	const primary = host.interfaces[0]?.subnet;
	return network.subnets.find((subnet) => subnet.id === primary)?.routeTable;
}

/** The hosts whose Linux routing holds route table `tableId`. */
export function hostsUsingTable(network: Network, tableId: string): string[] {
	return network.hosts.filter((host) => tableOfHost(network, host) === tableId).map((host) => host.id);
}

/** Lines that give a host its addresses, routes, firewall and NAT. */
function hostLines(network: Network, host: Host): string[] {
	const lines = host.interfaces.map((face, index) => `ip addr add ${face.ip}/${prefixOf(network, face.subnet)} dev ${devName(index)}`);
	if (forwards(host) || network.containerNetworks.some((item) => item.host === host.id)) lines.push('sysctl -w net.ipv4.ip_forward=1');
	const table = tableOfHost(network, host);
	const routes = network.routeTables.find((item) => item.id === table)?.routes ?? [];
	for (const route of routes) lines.push(ipRoute(network, table!, route));
	lines.push(...providerRoutes(host));
	for (const chain of CHAINS) {
		const rules = host.firewall?.[chain];
		if (rules !== undefined) lines.push(...iptablesChainLines(chain, rules));
	}
	if (host.nat !== undefined) {
		lines.push(masqueradeLine(host));
		for (const forward of host.nat.portForwards) lines.push(portForwardLine(host, forward));
	}
	return lines;
}

/**
 * The route an internet provider gives a machine on the internet (DHCP's
 * default route): the engine treats an internet-facing interface as a
 * default route, and so does the lab.
 */
export function providerRoutes(host: Host): string[] {
	const index = host.interfaces.findIndex((face) => face.subnet === INTERNET);
	return index < 0 ? [] : [`ip route replace default dev ${devName(index)}   # the provider's default route`];
}

/** The bridge name of a Docker network, as Docker names it (`docker0`, `br-<id>`; Linux allows 15 characters). */
function dockerBridge(networkId: string, isDefault: boolean): string {
	return isDefault ? 'docker0' : `br-${networkId}`.slice(0, 15);
}

/** The chains Docker creates when its daemon starts (docker 20.10, as Debian ships it). */
export const DOCKER_BASE_LINES = [
	'iptables -N DOCKER',
	'iptables -N DOCKER-ISOLATION-STAGE-1',
	'iptables -N DOCKER-ISOLATION-STAGE-2',
	'iptables -N DOCKER-USER',
	'iptables -t nat -N DOCKER',
	'iptables -P FORWARD DROP',
	'iptables -A FORWARD -j DOCKER-USER',
	'iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1',
	'iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN',
	'iptables -A DOCKER-ISOLATION-STAGE-2 -j RETURN',
	'iptables -A DOCKER-USER -j RETURN',
	'iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
	'iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
] as const;

/** The rules Docker adds for each of a host's networks and each published port (libnetwork's bridge driver and port mapper). */
function dockerLines(network: Network, hostId: string): string[] {
	const lines: string[] = [];
	for (const bridge of network.containerNetworks.filter((item) => item.host === hostId)) {
		const name = dockerBridge(bridge.id, bridge.default);
		lines.push(
			`iptables -t nat -A POSTROUTING -s ${bridge.cidr} ! -o ${name} -j MASQUERADE`,
			`iptables -t nat -I DOCKER -i ${name} -j RETURN`,
			`iptables -A FORWARD -o ${name} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
			`iptables -A FORWARD -o ${name} -j DOCKER`,
			`iptables -A FORWARD -i ${name} ! -o ${name} -j ACCEPT`,
			`iptables -A FORWARD -i ${name} -o ${name} -j ACCEPT`,
			`iptables -I DOCKER-ISOLATION-STAGE-1 -i ${name} ! -o ${name} -j DOCKER-ISOLATION-STAGE-2`,
			`iptables -I DOCKER-ISOLATION-STAGE-2 -o ${name} -j DROP`,
		);
	}
	for (const container of network.containers.filter((item) => item.host === hostId)) {
		const target = publishTarget(network, container);
		if (target === undefined) continue;
		for (const publish of container.publish) {
			const match = `-p ${publish.protocol} --dport`;
			const only = publish.hostIp === '0.0.0.0' ? '' : `-d ${publish.hostIp}/32 `;
			lines.push(
				`iptables -t nat -A DOCKER ${only}! -i ${target.bridge} ${match} ${publish.hostPort} -j DNAT --to-destination ${target.ip}:${publish.containerPort}`,
				`iptables -t nat -A POSTROUTING -s ${target.ip}/32 -d ${target.ip}/32 ${match} ${publish.containerPort} -j MASQUERADE`,
				`iptables -A DOCKER -d ${target.ip}/32 ! -i ${target.bridge} -o ${target.bridge} ${match} ${publish.containerPort} -j ACCEPT`,
			);
		}
	}
	return lines;
}

/** Where a container's published ports lead: its address on its first network, and that network's bridge. */
function publishTarget(network: Network, container: Container): {ip: string; bridge: string} | undefined {
	const first = container.networks[0];
	const bridge = network.containerNetworks.find((item) => item.id === first?.network);
	return first === undefined || bridge === undefined ? undefined : {ip: first.ip, bridge: dockerBridge(bridge.id, bridge.default)};
}

function containerLines(network: Network, container: Container): string[] {
	const lines: string[] = [];
	container.networks.forEach((membership, index) => {
		const bridge = network.containerNetworks.find((item) => item.id === membership.network);
		const prefix = bridge === undefined ? 32 : (parseCidr(bridge.cidr)?.prefix ?? 32);
		lines.push(`ip addr add ${membership.ip}/${prefix} dev ${devName(index)}`);
	});
	const first = network.containerNetworks.find((item) => item.id === container.networks[0]?.network);
	const gateway = first === undefined ? undefined : gatewayOf(first.cidr);
	if (gateway !== undefined) lines.push(`ip route add default via ${gateway}`);
	return lines;
}

/** Public DNS flattened to addresses (an /etc/hosts file has no CNAME): every name with the addresses its A records or CNAME chain give. */
function publicNames(network: Network): Map<string, string[]> {
	const records = new Map<string, {a: string[]; cname?: string}>();
	for (const record of network.dns) {
		const name = record.name.toLowerCase().replace(/\.$/, '');
		const entry = records.get(name) ?? {a: []};
		if (record.type === 'A') entry.a.push(record.value);
		else entry.cname ??= record.value.toLowerCase().replace(/\.$/, '');
		records.set(name, entry);
	}
	const names = new Map<string, string[]>();
	for (const name of records.keys()) {
		let current: string | undefined = name;
		for (let depth = 0; current !== undefined && depth <= 8; depth++) {
			const entry = records.get(current);
			if (entry === undefined) break;
			if (entry.a.length > 0) {
				names.set(name, entry.a);
				break;
			}
			current = entry.cname;
		}
	}
	return names;
}

/** Names Docker's embedded DNS gives a container: containers sharing one of its user-defined networks, at their address there. */
function containerNames(network: Network, asker: Container): Map<string, string> {
	const names = new Map<string, string>();
	for (const membership of asker.networks) {
		const bridge = network.containerNetworks.find((item) => item.id === membership.network);
		if (bridge === undefined || bridge.default || bridge.host !== asker.host) continue;
		for (const other of network.containers.filter((item) => item.host === asker.host)) {
			const there = other.networks.find((item) => item.network === bridge.id);
			const name = other.id.toLowerCase();
			if (there !== undefined && !names.has(name)) names.set(name, there.ip);
		}
	}
	return names;
}

function hostsFile(network: Network, container?: Container): string[] {
	const lines = ['127.0.0.1\tlocalhost'];
	if (container !== undefined) for (const [name, ip] of containerNames(network, container)) lines.push(`${ip}\t${name}`);
	for (const [name, addresses] of publicNames(network)) for (const address of addresses) lines.push(`${address}\t${name}`);
	return lines;
}

/** The lab of a network. */
export function labPlan(network: Network): LabPlan {
	const subnetLans: Lan[] = network.subnets.map((subnet, index) => ({id: subnet.id, bridge: `br${index}`, on: 'switch'}));
	const lans: Lan[] = [{id: INTERNET, bridge: 'inet0', on: 'internet'}, ...subnetLans];
	for (const bridge of network.containerNetworks) {
		const gateway = gatewayOf(bridge.cidr);
		lans.push({
			id: dockerLanId(bridge.id),
			bridge: dockerBridge(bridge.id, bridge.default),
			on: bridge.host,
			...(gateway === undefined ? {} : {gateway: `${gateway}/${parseCidr(bridge.cidr)?.prefix ?? 16}`}),
		});
	}
	const cables: Cable[] = [];
	for (const host of network.hosts) host.interfaces.forEach((face, index) => cables.push({node: host.id, dev: devName(index), lan: face.subnet}));
	for (const container of network.containers) {
		container.networks.forEach((membership, index) => cables.push({node: container.id, dev: devName(index), lan: dockerLanId(membership.network)}));
	}
	const dockerHosts = network.hosts.filter((host) => network.containerNetworks.some((item) => item.host === host.id));
	return {
		nodes: [...network.hosts.map((host) => ({id: host.id, kind: 'host' as const})), ...network.containers.map((item) => ({id: item.id, kind: 'container' as const}))],
		lans,
		cables,
		setup: [
			...network.hosts.map((host) => ({
				node: host.id,
				lines: [...hostLines(network, host), ...(dockerHosts.includes(host) ? DOCKER_BASE_LINES : [])],
			})),
			...network.containers.map((container) => ({node: container.id, lines: containerLines(network, container)})),
		],
		docker: dockerHosts.map((host) => ({node: host.id, lines: dockerLines(network, host.id)})),
		servers: [
			...network.hosts.map((host) => ({node: host.id, apps: host.apps, proxies: proxiesOf(network, host.id)})),
			...network.containers.map((container) => ({node: container.id, apps: container.apps, proxies: []})),
		],
		hosts: [
			...network.hosts.map((host) => ({node: host.id, lines: hostsFile(network)})),
			...network.containers.map((container) => ({node: container.id, lines: hostsFile(network, container)})),
		],
	};
}

/** docker-proxy for every published port: it answers connections the Docker host makes to its own port. */
function proxiesOf(network: Network, hostId: string): Proxy[] {
	const proxies: Proxy[] = [];
	for (const container of network.containers.filter((item) => item.host === hostId)) {
		const target = publishTarget(network, container);
		if (target === undefined) continue;
		for (const publish of container.publish) {
			proxies.push({protocol: publish.protocol, listenIp: publish.hostIp, listenPort: publish.hostPort, toIp: target.ip, toPort: publish.containerPort});
		}
	}
	return proxies;
}
