import {containerNetworkSchema, containerSchema, type Container, type Network, type Publish} from '../../engine/network.js';
import {address, cidr, flag, newId, portSpec, publishSpec, ref, repeated, text, toggle} from '../args.js';
import {config, fail} from '../define.js';
import {byId, firstFreeContainerAddress, replaceById} from '../edit.js';
import type {Problem} from '../types.js';

/**
 * Docker on a host: container networks (the default bridge, or user-defined
 * bridges with name resolution), containers, and published ports
 * (`-p hostPort:containerPort`).
 */

/** `-p` as Docker writes it: `127.0.0.1:3306:3306`, `8080:80`, `53:53/udp`. */
export function publishText(publish: Publish): string {
	const ip = publish.hostIp === '0.0.0.0' ? '' : `${publish.hostIp}:`;
	const protocol = publish.protocol === 'tcp' ? '' : `/${publish.protocol}`;
	return `${ip}${publish.hostPort}:${publish.containerPort}${protocol}`;
}

/** The `docker run` line that creates this container as it is. */
export function dockerRun(network: Network, container: Container): string {
	const parts = ['docker run -d', `--name ${container.id}`];
	const first = container.networks[0];
	const onDefault = first === undefined || byId(network.containerNetworks, first.network)?.default === true;
	if (first !== undefined && !onDefault) parts.push(`--network ${first.network}`);
	for (const publish of container.publish) parts.push(`-p ${publishText(publish)}`);
	parts.push(container.image ?? 'alpine');
	return parts.join(' ');
}

function withContainer(network: Network, id: string, change: (container: Container) => Container): Network {
	return {...network, containers: replaceById(network.containers, id, change)};
}

/** Picks the container network and address for a container on `hostId`. */
function joinNetwork(network: Network, hostId: string, networkId: string | undefined, ip: string | undefined): {network: string; ip: string} | Problem {
	const target = networkId === undefined ? network.containerNetworks.find((item) => item.host === hostId && item.default) : byId(network.containerNetworks, networkId);
	if (target === undefined) {
		return fail(`${hostId} has no default bridge network: create one (container-network create bridge ${hostId} 172.17.0.0/16 --default) or pass --network`, 'host');
	}
	if (target.host !== hostId) return fail(`container network ${target.id} is on ${target.host}, not on ${hostId}`, 'network');
	// Docker: "user specified IP address is supported on user defined networks only".
	if (ip !== undefined && target.default) return fail(`Docker lets you choose an address only on a user-defined network, and ${target.id} is the default bridge`, 'ip');
	const chosen = ip ?? firstFreeContainerAddress(network, target.id, target.cidr);
	if (chosen === undefined) return fail(`container network ${target.id} (${target.cidr}) has no free address`, 'network');
	return {network: target.id, ip: chosen};
}

/** `container-network create`, `container run`, `container publish`, `container unpublish`, `container connect`, `container disconnect`. */
export const CONTAINER_COMMANDS = [
	config({
		name: 'container-network create',
		summary: "Create a Docker bridge network on a host (--default: the host's default bridge).",
		example: 'container-network create backend docker1 172.19.0.0/16',
		details: [
			'Containers on a user-defined network find each other by name (Docker runs a DNS server for it);',
			'on the default bridge they can only use addresses. Separate networks are isolated from each other.',
		],
		params: [newId('id', 'container network'), ref('host', 'host'), cidr('cidr'), toggle('isDefault', '--default', "the host's default bridge")],
		apply: (network, args) => {
			if (args.isDefault && network.containerNetworks.some((item) => item.host === args.host && item.default)) {
				return fail(`${args.host} already has a default bridge network`, 'isDefault');
			}
			const created = containerNetworkSchema.parse({id: args.id, host: args.host, cidr: args.cidr, default: args.isDefault});
			return {
				network: {...network, containerNetworks: [...network.containerNetworks, created]},
				summary: `Created container network ${args.id} (${args.cidr}) on ${args.host}.`,
			};
		},
		realWorld: (args) => [args.isDefault ? `dockerd --bip ${args.cidr}   # the default bridge's block` : `docker network create --subnet ${args.cidr} ${args.id}`],
	}),
	config({
		name: 'container run',
		summary: "Run a container on a Docker host, on a network (default: the host's bridge), publishing ports.",
		example: 'container run cache docker1 --image redis:7 --network appnet',
		details: ['The container gets the first free address of its network unless --ip is given.', 'Add apps inside it with app add <container> <name> <port>.'],
		params: [
			newId('id', 'container'),
			ref('host', 'host'),
			flag('--image', text('image', '<image>', 'an image name like nginx:1.27')),
			flag('--network', ref('network', 'container-network', '<network>')),
			flag('--ip', address('ip')),
			repeated('--publish', publishSpec('publish')),
		],
		apply: (network, args) => {
			const joined = joinNetwork(network, args.host, args.network, args.ip);
			if ('problem' in joined) return joined;
			const container = containerSchema.parse({
				id: args.id,
				host: args.host,
				...(args.image === undefined ? {} : {image: args.image}),
				networks: [joined],
				publish: args.publish,
			});
			return {
				network: {...network, containers: [...network.containers, container]},
				summary: `Container ${args.id} runs on ${args.host} at ${joined.ip} (${joined.network})${args.publish.length === 0 ? '' : `, publishing ${args.publish.map(publishText).join(', ')}`}.`,
			};
		},
		realWorld: (args, _before, after) => [dockerRun(after, byId(after.containers, args.id)!)],
	}),
	config({
		name: 'container publish',
		summary: "Publish a container port on its host's port: [ip:]hostPort:containerPort[/udp].",
		example: 'container publish shop 8443:443',
		details: [
			'Like docker run -p: traffic to the host port goes to the container port. Two mappings cannot share a host port.',
			'127.0.0.1:hostPort:containerPort publishes to the Docker host only.',
		],
		params: [ref('container', 'container'), publishSpec('publish')],
		apply: (network, args) => {
			const container = byId(network.containers, args.container)!;
			if (container.publish.some((item) => item.hostPort === args.publish.hostPort && item.protocol === args.publish.protocol)) {
				const udp = args.publish.protocol === 'udp' ? '/udp' : '';
				return fail(
					`${args.container} already publishes ${args.publish.protocol} port ${args.publish.hostPort}: unpublish it first with container unpublish ${args.container} ${args.publish.hostPort}${udp}`,
					'publish',
				);
			}
			return {
				network: withContainer(network, container.id, (item) => ({...item, publish: [...item.publish, args.publish]})),
				summary: `${container.host}:${args.publish.hostPort} now leads to ${args.container}:${args.publish.containerPort} (${args.publish.protocol}).`,
			};
		},
		realWorld: (args, _before, after) => [
			`docker rm -f ${args.container}   # published ports are fixed when a container starts: re-create it`,
			dockerRun(after, byId(after.containers, args.container)!),
		],
	}),
	config({
		name: 'container unpublish',
		summary: 'Stop publishing a host port of a container.',
		example: 'container unpublish shop 8080',
		params: [ref('container', 'container'), portSpec('port', '<hostPort>[/udp]')],
		apply: (network, args) => {
			const container = byId(network.containers, args.container)!;
			const found = container.publish.find((item) => item.hostPort === args.port.port && item.protocol === args.port.protocol);
			if (found === undefined) {
				const shown = container.publish.map(publishText);
				return fail(`${args.container} does not publish ${args.port.protocol} port ${args.port.port}${shown.length === 0 ? '' : ` (it publishes ${shown.join(', ')})`}`, 'port');
			}
			return {
				network: withContainer(network, container.id, (item) => ({...item, publish: item.publish.filter((entry) => entry !== found)})),
				summary: `${args.container} no longer publishes ${publishText(found)}.`,
			};
		},
		realWorld: (args, _before, after) => [`docker rm -f ${args.container}`, dockerRun(after, byId(after.containers, args.container)!)],
	}),
	config({
		name: 'container connect',
		summary: 'Connect a container to another network of its host.',
		example: 'container connect shop appnet',
		params: [ref('container', 'container'), ref('network', 'container-network', '<network>'), flag('--ip', address('ip'))],
		apply: (network, args) => {
			const container = byId(network.containers, args.container)!;
			if (container.networks.some((entry) => entry.network === args.network)) return fail(`${args.container} is already on ${args.network}`, 'network');
			const joined = joinNetwork(network, container.host, args.network, args.ip);
			if ('problem' in joined) return joined;
			return {
				network: withContainer(network, container.id, (item) => ({...item, networks: [...item.networks, joined]})),
				summary: `${args.container} joined ${args.network} at ${joined.ip}.`,
			};
		},
		realWorld: (args) => [`docker network connect${args.ip === undefined ? '' : ` --ip ${args.ip}`} ${args.network} ${args.container}`],
	}),
	config({
		name: 'container disconnect',
		summary: 'Disconnect a container from a network.',
		example: 'container disconnect shop bridge',
		params: [ref('container', 'container'), ref('network', 'container-network', '<network>')],
		apply: (network, args) => {
			const container = byId(network.containers, args.container)!;
			if (!container.networks.some((entry) => entry.network === args.network)) return fail(`${args.container} is not on ${args.network}`, 'network');
			return {
				network: withContainer(network, container.id, (item) => ({...item, networks: item.networks.filter((entry) => entry.network !== args.network)})),
				summary: `${args.container} left ${args.network}.`,
			};
		},
		realWorld: (args) => [`docker network disconnect ${args.network} ${args.container}`],
	}),
];
