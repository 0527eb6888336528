import type {Host, Network, PortForward} from '../../engine/network.js';
import {port, ref, socket, word} from '../args.js';
import {config, fail} from '../define.js';
import {byId, interfaceName, updateHost} from '../edit.js';
import type {Problem} from '../types.js';

/**
 * NAT devices on premises: a router that rewrites the source of packets
 * leaving by its outside interface (masquerade), and optionally forwards
 * ports of its outside address to inside hosts (destination NAT).
 */

function natDevice(network: Network, hostId: string): Host | Problem {
	const host = byId(network.hosts, hostId)!;
	if (host.kind !== 'nat' || host.nat === undefined) return fail(`${hostId} is not a NAT device yet: nat enable ${hostId} <outside-subnet> first`, 'host');
	return host;
}

function outsideName(host: Host): string {
	return interfaceName(host, host.nat?.outside ?? '');
}

/** The masquerade rule of a NAT device (its outside interface). */
export function masqueradeLine(host: Host): string {
	return `iptables -t nat -A POSTROUTING -o ${outsideName(host)} -j MASQUERADE`;
}

/** The destination-NAT rule of one port forward of a NAT device. */
export function portForwardLine(host: Host, forward: PortForward): string {
	return `iptables -t nat -A PREROUTING -i ${outsideName(host)} -p ${forward.protocol} --dport ${forward.port} -j DNAT --to-destination ${forward.toIp}:${forward.toPort}`;
}

/** `nat enable`, `nat disable`, `nat forward`, `nat unforward`. */
export const NAT_COMMANDS = [
	config({
		name: 'nat enable',
		summary: 'Turn a router into a NAT device: traffic leaving by its outside interface gets its address.',
		example: 'nat enable r1 internet',
		details: [
			'Private addresses (RFC 1918) are never routed on the internet: NAT rewrites the source to the public address.',
			'Connections started from outside find no mapping and are dropped, unless a port is forwarded (nat forward).',
		],
		params: [ref('host', 'router', '<router>'), ref('outside', 'attachable-subnet', '<outside-subnet>')],
		apply: (network, args) => {
			const host = byId(network.hosts, args.host)!;
			if (!host.interfaces.some((face) => face.subnet === args.outside)) {
				return fail(`${host.id} has no interface in ${args.outside}: attach it first (host attach ${host.id} ${args.outside} <ip>)`, 'outside');
			}
			if (host.nat?.outside === args.outside) return fail(`${host.id} already does NAT towards ${args.outside}`, 'outside');
			return {
				network: updateHost(network, host.id, (item) => ({...item, kind: 'nat', nat: {outside: args.outside, portForwards: item.nat?.portForwards ?? []}})),
				summary: `${host.id} is now a NAT device: traffic leaving towards ${args.outside} takes its address.`,
			};
		},
		realWorld: (args, _before, after) => [
			'sysctl -w net.ipv4.ip_forward=1',
			masqueradeLine(byId(after.hosts, args.host)!),
		],
	}),
	config({
		name: 'nat disable',
		summary: 'Turn a NAT device back into a plain router (its port forwards go too).',
		example: 'nat disable gw',
		params: [ref('host', 'router', '<router>')],
		apply: (network, args) => {
			const host = natDevice(network, args.host);
			if ('problem' in host) return host;
			const {nat, ...rest} = host;
			void nat;
			return {network: updateHost(network, host.id, () => ({...rest, kind: 'router'})), summary: `${host.id} no longer translates addresses.`};
		},
		realWorld: (args, before) => [`iptables -t nat -D POSTROUTING -o ${outsideName(byId(before.hosts, args.host)!)} -j MASQUERADE`],
	}),
	config({
		name: 'nat forward',
		summary: "Forward a port of a NAT device's outside address to an inside address and port.",
		example: 'nat forward gw tcp 443 192.168.2.10:443',
		params: [ref('host', 'router', '<router>'), word('protocol', ['tcp', 'udp']), port('port'), socket('to')],
		apply: (network, args) => {
			const host = natDevice(network, args.host);
			if ('problem' in host) return host;
			const forwards = host.nat!.portForwards;
			const clash = forwards.find((item) => item.protocol === args.protocol && item.port === args.port);
			if (clash !== undefined) return fail(`${host.id} already forwards ${args.protocol}/${args.port} to ${clash.toIp}:${clash.toPort}`, 'port');
			const forward: PortForward = {protocol: args.protocol, port: args.port, toIp: args.to.ip, toPort: args.to.port};
			return {
				network: updateHost(network, host.id, (item) => ({...item, nat: {...item.nat!, portForwards: [...forwards, forward]}})),
				summary: `${host.id} forwards ${args.protocol}/${args.port} to ${args.to.ip}:${args.to.port}.`,
			};
		},
		realWorld: (args, before) => [portForwardLine(byId(before.hosts, args.host)!, {protocol: args.protocol, port: args.port, toIp: args.to.ip, toPort: args.to.port})],
	}),
	config({
		name: 'nat unforward',
		summary: 'Stop forwarding a port of a NAT device.',
		example: 'nat unforward gw tcp 8080',
		params: [ref('host', 'router', '<router>'), word('protocol', ['tcp', 'udp']), port('port')],
		apply: (network, args) => {
			const host = natDevice(network, args.host);
			if ('problem' in host) return host;
			const forwards = host.nat!.portForwards;
			const found = forwards.find((item) => item.protocol === args.protocol && item.port === args.port);
			if (found === undefined) return fail(`${host.id} does not forward ${args.protocol}/${args.port}`, 'port');
			return {
				network: updateHost(network, host.id, (item) => ({...item, nat: {...item.nat!, portForwards: forwards.filter((entry) => entry !== found)}})),
				summary: `${host.id} no longer forwards ${args.protocol}/${args.port}.`,
			};
		},
		realWorld: (args, before) => {
			const host = byId(before.hosts, args.host)!;
			const found = host.nat?.portForwards.find((item) => item.protocol === args.protocol && item.port === args.port);
			return [
				`iptables -t nat -D PREROUTING -i ${outsideName(host)} -p ${args.protocol} --dport ${args.port} -j DNAT --to-destination ${found?.toIp ?? '<ip>'}:${found?.toPort ?? '<port>'}`,
			];
		},
	}),
];
