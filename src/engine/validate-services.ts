import {parseAddress, parseCidr} from './address.js';
import type {App, Network} from './network.js';
import {addressProblemMessage, overlapIssues, type Block} from './validate-addresses.js';
import {checkReference, type EntityIndex, type NetworkIssue} from './validate-context.js';

/**
 * Validation of what listens: apps (bind addresses, two apps on one port),
 * Docker container networks and containers (addresses, networks on the right
 * host) and published ports (a host port published twice).
 */

type Path = readonly (string | number)[];

const ANY = '0.0.0.0';
const LOOPBACK = '127.0.0.1';

/** Two listeners clash when protocol and port match and their addresses meet (0.0.0.0 meets every address). */
function bindsClash(a: string, b: string): boolean {
	return a === b || a === ANY || b === ANY;
}

function checkApps(apps: readonly App[], own: readonly string[], path: Path, owner: string): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	apps.forEach((app, slot) => {
		if (app.bind !== ANY && app.bind !== LOOPBACK && !own.includes(app.bind)) {
			const addresses = own.length === 0 ? 'it has no address yet' : `its addresses are ${own.join(', ')}`;
			issues.push({
				path: [...path, slot, 'bind'],
				message: `${owner}: ${app.name} binds ${app.bind}, which is not one of its addresses (${addresses}); use 0.0.0.0, 127.0.0.1 or its own address`,
				value: app.bind,
			});
		}
		const earlier = apps.findIndex(
			(other, index) => index < slot && other.protocol === app.protocol && other.port === app.port && bindsClash(other.bind, app.bind),
		);
		const other = apps[earlier];
		if (other !== undefined) {
			issues.push({
				path: [...path, slot, 'port'],
				message: `${owner}: ${other.name} already listens on ${app.protocol} ${app.port} (${other.bind}), so ${app.name} cannot (address already in use)`,
				value: app.port,
			});
		}
	});
	return issues;
}

function checkContainerNetworks(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const byHost = new Map<string, Block[]>();
	network.containerNetworks.forEach((bridge, position) => {
		issues.push(...checkReference(index, ['containerNetworks', position, 'host'], bridge.host, 'hosts', `container network ${bridge.id}`));
		const cidr = parseCidr(bridge.cidr);
		if (cidr === undefined) return;
		const list = byHost.get(bridge.host) ?? [];
		list.push({cidr, text: bridge.cidr, path: ['containerNetworks', position, 'cidr'], name: `container network ${bridge.id}`});
		byHost.set(bridge.host, list);
	});
	// Docker refuses a network whose pool overlaps another on the same host ("Pool overlaps with other one on this address space").
	for (const blocks of byHost.values()) issues.push(...overlapIssues(blocks, (a, b) => Number(a[1]) - Number(b[1])));
	return issues;
}

function checkContainers(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const bridges = new Map(network.containerNetworks.map((bridge) => [bridge.id, bridge]));
	const hosts = new Map(network.hosts.map((host) => [host.id, host]));
	const taken = new Map<string, string>();
	const published = new Map<string, {container: string; slot: number}>();
	network.containers.forEach((container, position) => {
		const owner = `container ${container.id}`;
		issues.push(...checkReference(index, ['containers', position, 'host'], container.host, 'hosts', owner));
		container.networks.forEach((attachment, slot) => {
			const path = ['containers', position, 'networks', slot];
			const bridge = bridges.get(attachment.network);
			if (bridge === undefined) {
				issues.push(...checkReference(index, [...path, 'network'], attachment.network, 'containerNetworks', owner));
				return;
			}
			if (bridge.host !== container.host) {
				issues.push({
					path: [...path, 'network'],
					message: `${owner} runs on ${container.host}, but container network ${bridge.id} belongs to ${bridge.host}`,
					value: attachment.network,
				});
			}
			const cidr = parseCidr(bridge.cidr);
			const address = parseAddress(attachment.ip);
			const where = `container network ${bridge.id} (${bridge.cidr})`;
			const problem = cidr === undefined || address === undefined ? undefined : addressProblemMessage(attachment.ip, where, cidr, false, address);
			if (problem !== undefined) issues.push({path: [...path, 'ip'], message: `${owner}: ${problem}`, value: attachment.ip});
			const key = `${bridge.id}\u0000${attachment.ip}`;
			const holder = taken.get(key);
			if (holder === undefined) taken.set(key, container.id);
			else {
				issues.push({
					path: [...path, 'ip'],
					message: `${attachment.ip} is already used by container ${holder} in ${where}; two containers cannot share an address`,
					value: attachment.ip,
				});
			}
		});
		issues.push(...checkApps(container.apps, container.networks.map((attachment) => attachment.ip), ['containers', position, 'apps'], owner));
		const dockerHost = hosts.get(container.host);
		const hostAddresses = dockerHost?.interfaces.map((attachment) => attachment.ip) ?? [];
		container.publish.forEach((mapping, slot) => {
			const path = ['containers', position, 'publish', slot];
			const label = `${mapping.protocol} ${mapping.hostPort}`;
			if (mapping.hostIp !== ANY && mapping.hostIp !== LOOPBACK && !hostAddresses.includes(mapping.hostIp)) {
				issues.push({
					path: [...path, 'hostIp'],
					message: `${owner} publishes ${label} on ${mapping.hostIp}, which is not an address of host ${container.host}; use 0.0.0.0 or 127.0.0.1`,
					value: mapping.hostIp,
				});
			}
			const key = `${container.host}\u0000${mapping.protocol}\u0000${mapping.hostPort}`;
			const first = published.get(key);
			if (first !== undefined) {
				const by = first.container === container.id ? `its publish #${first.slot + 1}` : `container ${first.container}`;
				issues.push({
					path: [...path, 'hostPort'],
					message: `${label} on host ${container.host} is already published by ${by}; Docker refuses: port is already allocated`,
					value: mapping.hostPort,
				});
			} else {
				published.set(key, {container: container.id, slot});
				const app = dockerHost?.apps.find(
					(candidate) => candidate.protocol === mapping.protocol && candidate.port === mapping.hostPort && bindsClash(candidate.bind, mapping.hostIp),
				);
				if (app !== undefined) {
					issues.push({
						path: [...path, 'hostPort'],
						message: `${label} on host ${container.host} is already taken by its app ${app.name}; Docker cannot publish it (address already in use)`,
						value: mapping.hostPort,
					});
				}
			}
		});
	});
	return issues;
}

/** Every problem with apps, container networks, containers and published ports, in list order. */
export function checkServices(network: Network, index: EntityIndex): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	network.hosts.forEach((host, position) => {
		const own = host.interfaces.map((attachment) => attachment.ip);
		issues.push(...checkApps(host.apps, own, ['hosts', position, 'apps'], `host ${host.id}`));
	});
	return [...issues, ...checkContainerNetworks(network, index), ...checkContainers(network, index)];
}
