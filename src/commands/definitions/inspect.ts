import {isAddress} from '../../engine/address.js';
import type {FlowInput} from '../../engine/flow.js';
import type {Network} from '../../engine/network.js';
import {trace} from '../../engine/trace.js';
import {anyRef, canonicalName, dnsName, introduced, optional, portSpec, readPortSpec, ref, rest, text, toggle} from '../args.js';
import {fail, inspection} from '../define.js';
import {resolveName} from '../resolve.js';
import {SHOW_TOPICS, showTables} from '../show.js';
import type {Param, Read} from '../types.js';

/**
 * Inspection commands: they behave like the real tools and never change the
 * network. Their output is data (a trace, a DNS answer, tables).
 */

/** Where a flow goes: an address or DNS name (`to`), or a host id that DNS does not know (`toHost`). */
export function flowTarget(network: Network, target: string): Pick<FlowInput, 'to' | 'toHost'> {
	if (isAddress(target)) return {to: target};
	const known = network.dns.some((record) => canonicalName(record.name) === canonicalName(target));
	if (!known && network.hosts.some((host) => host.id === target)) return {toHost: target};
	return {to: target};
}

/** A destination: an address, a DNS name, or a host id. */
function destination<const N extends string>(name: N): Param<N, string, false> {
	const plain = text(name, '<host|name|ip>', 'an address, a DNS name or a host id');
	return {
		...plain,
		read: (token) =>
			isAddress(token.text) || /^[a-z0-9_][a-z0-9_.-]*$/i.test(token.text)
				? {ok: true, value: token.text}
				: {ok: false, message: `'${token.text}' is not an address, a DNS name or a host id`, expected: 'an address, a DNS name or a host id'},
		candidates: (context) => [
			...(context.network?.hosts.map((host) => host.id) ?? []),
			...(context.network?.containers.map((container) => container.id) ?? []),
			...new Set(context.network?.dns.map((record) => canonicalName(record.name)) ?? []),
		],
	};
}

/** A parsed URL: `http://name[:port][/path]`, `https://…` (port 443), or a bare `name[:port]` (http). */
type Url = {readonly scheme: 'http' | 'https'; readonly host: string; readonly port: number; readonly path: string};

function url<const N extends string>(name: N): Param<N, Url, false> {
	const expected = 'a URL like http://travelbuddy.com/ or https://travelbuddy.com:8443/pay';
	return {
		name,
		optional: false,
		label: '<url>',
		expected,
		read: (token): Read<Url> => {
			const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::([^/?#]*))?([/?#].*)?$/i.exec(token.text);
			if (match === null) return {ok: false, message: `'${token.text}' is not a URL: ${expected}`, expected};
			const scheme = (match[1] ?? 'http').toLowerCase();
			if (scheme !== 'http' && scheme !== 'https') return {ok: false, message: `curl here speaks http and https, not ${scheme}`, expected};
			let port = scheme === 'https' ? 443 : 80;
			if (match[3] !== undefined) {
				const parsed = readPortSpec(match[3]);
				if (!parsed.ok || match[3].includes('/')) return {ok: false, message: `'${match[3]}' in '${token.text}' is not a port (1–65535)`, expected};
				port = parsed.value.port;
			}
			return {ok: true, value: {scheme: scheme as Url['scheme'], host: match[2]!, port, path: match[4] ?? '/'}};
		},
		candidates: (context) => [...new Set(context.network?.dns.map((record) => `http://${canonicalName(record.name)}/`) ?? [])],
	};
}

function traced(network: Network, tool: 'curl' | 'nc' | 'traceroute', from: string, target: string, port: number, protocol: 'tcp' | 'udp') {
	const flow: FlowInput = {from, ...flowTarget(network, target), port, protocol};
	return {type: 'trace' as const, tool, request: `${from} → ${target}:${port}/${protocol}`, trace: trace(network, flow)};
}

/** `dig`, `curl`, `nc`, `traceroute`, `show`, `explain`. */
export const INSPECT_COMMANDS = [
	inspection({
		name: 'dig',
		summary: 'Look a name up in DNS (from a host or container: containers see their network’s names too).',
		example: 'dig old.travelbuddy.com',
		params: [dnsName('name'), optional(introduced('from', ref('from', 'endpoint', '<host>')))],
		inspect: (network, args) => ({
			type: 'dns',
			name: args.name,
			...(args.from === undefined ? {} : {from: args.from}),
			resolution: resolveName(network, args.name, args.from),
		}),
		realWorld: (args) => [`dig ${args.name}${args.from === undefined ? '' : `   # on ${args.from}`}`],
	}),
	inspection({
		name: 'curl',
		summary: 'Fetch a URL from a host: traces the connection hop by hop (https uses port 443).',
		example: 'curl laptop https://travelbuddy.com/',
		params: [ref('from', 'endpoint', '<from>'), url('url')],
		inspect: (network, args) => traced(network, 'curl', args.from, args.url.host, args.url.port, 'tcp'),
		realWorld: (args) => [`curl -v ${args.url.scheme}://${args.url.host}${args.url.port === (args.url.scheme === 'https' ? 443 : 80) ? '' : `:${args.url.port}`}${args.url.path}   # on ${args.from}`],
	}),
	inspection({
		name: 'nc',
		summary: 'Check whether a port is open from a host (-z: just connect; -u: UDP).',
		example: 'nc -z web database 3306',
		params: [toggle('zero', '-z', 'scan only'), toggle('udp', '-u', 'use UDP'), ref('from', 'endpoint', '<from>'), destination('target'), portSpec('port', '<port>')],
		inspect: (network, args) => traced(network, 'nc', args.from, args.target, args.port.port, args.udp ? 'udp' : args.port.protocol),
		realWorld: (args) => [`nc -zv${args.udp || args.port.protocol === 'udp' ? 'u' : ''} ${args.target} ${args.port.port}   # on ${args.from}`],
	}),
	inspection({
		name: 'traceroute',
		summary: 'Show every hop from a host to a destination (TCP port 80 unless given; 53/udp for UDP).',
		example: 'traceroute web 203.0.113.50 443',
		params: [ref('from', 'endpoint', '<from>'), destination('target'), optional(portSpec('port'))],
		inspect: (network, args) => traced(network, 'traceroute', args.from, args.target, args.port?.port ?? 80, args.port?.protocol ?? 'tcp'),
		realWorld: (args) => [
			`traceroute ${args.port?.protocol === 'udp' ? '-U' : '-T'} -p ${args.port?.port ?? 80} ${args.target}   # on ${args.from}`,
		],
	}),
	inspection({
		name: 'show',
		summary: `Show the network, or one part: ${SHOW_TOPICS.join(', ')}, or anything by id.`,
		example: 'show routes',
		params: [optional(anyRef('what', '<what>', SHOW_TOPICS))],
		inspect: (network, args) => ({type: 'show', topic: args.what ?? 'all', tables: showTables(network, args.what)}),
		realWorld: (args) => showRealWorld(args.what),
	}),
	inspection({
		name: 'explain',
		summary: 'Print the real-world equivalent of a configuration command without running it.',
		example: 'explain route add rt-private 0.0.0.0/0 nat-1',
		params: [rest('command', '<command>', 'a configuration command', (context) => context.commands.filter((entry) => entry.kind === 'config').map((entry) => entry.name))],
		inspect: (network, args, context) => {
			const result = context.tryApply(network, args.command);
			if (!result.ok) return fail('notConfig' in result ? `explain works on configuration commands: ${result.error.message}` : result.error.message, 'command');
			return {type: 'text', lines: [`${args.command}`, '  in the real world:', ...result.realWorld.map((line) => `    ${line}`), `  (not applied: ${result.summary})`]};
		},
		realWorld: () => [],
	}),
];

const SHOW_REAL_WORLD: Readonly<Record<string, string>> = {
	hosts: 'ip addr show',
	subnets: 'aws ec2 describe-subnets',
	routes: 'ip route show   # or: aws ec2 describe-route-tables',
	firewall: 'iptables -L -n -v --line-numbers',
	sg: 'aws ec2 describe-security-groups',
	nacl: 'aws ec2 describe-network-acls',
	dns: 'dig travelbuddy.com ANY',
	containers: 'docker ps   # and: docker network ls',
	vpcs: 'aws ec2 describe-vpcs',
	gateways: 'aws ec2 describe-internet-gateways; aws ec2 describe-nat-gateways',
	apps: 'ss -tulpn',
};

function showRealWorld(what: string | undefined): string[] {
	const line = what === undefined ? undefined : SHOW_REAL_WORLD[what];
	return line === undefined ? [] : [line];
}
