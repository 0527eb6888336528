import {isAddress, readCidr} from '../engine/address.js';
import type {Network, Publish} from '../engine/network.js';
import {formatPortRange, parsePort, parsePortRange} from '../engine/ports.js';
import {bad, ok, param} from './read.js';
import {nearest} from './suggest.js';
import type {Param, Read, ReadContext} from './types.js';

/**
 * The one place where argument kinds are read and checked: addresses, CIDR
 * blocks, ports, ranges, protocols, keywords — and, from refs.ts, new ids and
 * references to entities (checked against the network when one is given,
 * with a "did you mean" suggestion). Definitions build their parameter lists
 * from these.
 */

export {anyRef, lookup, missing, newId, ref} from './refs.js';

type Options = {readonly label?: string};

/** One of a fixed set of words (case-insensitive), e.g. `allow|deny`; the value is the canonical spelling. */
export function word<const N extends string, const C extends readonly string[]>(name: N, choices: C, options: Options = {}): Param<N, C[number], false> {
	const list = choices.join('|');
	const find = (text: string) => choices.find((choice) => choice.toLowerCase() === text.toLowerCase());
	return param<N, C[number]>(name, {
		label: options.label ?? list,
		expected: `one of ${choices.join(', ')}`,
		fits: (text) => find(text) !== undefined,
		read: (token) => {
			const found = token.quoted ? undefined : find(token.text);
			if (found !== undefined) return ok(found);
			const suggestion = nearest(token.text, choices);
			return bad(`expected ${list}, not '${token.text}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`}`, list, suggestion);
		},
		candidates: () => choices,
	});
}

/** Makes a parameter optional: positional ones are skipped when the next word does not fit them. */
export function optional<N extends string, V>(p: Param<N, V, boolean>): Param<N, V, true> {
	return {...p, optional: true};
}

/** A named option `--flag <value>` (or `--flag=value`), optional, anywhere after the command name. */
export function flag<N extends string, V>(flagName: string, p: Param<N, V, boolean>): Param<N, V, true> {
	return {...p, flag: flagName, optional: true};
}

/** A flag that may be repeated; the value is the list of its values (empty when absent). */
export function repeated<N extends string, V>(flagName: string, p: Param<N, V, boolean>): Param<N, V[], false> {
	return {...p, flag: flagName, repeat: true, optional: false} as Param<N, V[], false>;
}

/** A flag without a value, like `-z`: true when given. */
export function toggle<const N extends string>(name: N, flagName: string, expected: string): Param<N, boolean, false> {
	return param<N, boolean>(name, {label: flagName, expected, flag: flagName, switch: true, read: () => ok(true)});
}

/** A parameter introduced by a word: `from <cidr>`; with `optionalKeyword`, the word may be left out. */
export function introduced<N extends string, V, O extends boolean>(
	keyword: string,
	p: Param<N, V, O>,
	optionalKeyword = false,
): Param<N, V, O> {
	return {...p, keyword, keywordOptional: optionalKeyword, ...(optionalKeyword ? {} : {fits: (text: string) => text.toLowerCase() === keyword})};
}

/** Free text (a label, an image name); quote it to include spaces. */
export function text<const N extends string>(name: N, label: string, expected: string): Param<N, string, false> {
	return param<N, string>(name, {label, expected, read: (token) => ok(token.text)});
}

/** Every remaining word, as one string (e.g. the command a `help` is about). */
export function rest<const N extends string>(name: N, label: string, expected: string, candidates?: (context: ReadContext) => readonly string[]): Param<N, string, false> {
	return param<N, string>(name, {label, expected, rest: true, read: (token) => ok(token.text), ...(candidates === undefined ? {} : {candidates})});
}

/** An IPv4 address. */
export function address<const N extends string>(name: N, label = '<ip>'): Param<N, string, false> {
	return param<N, string>(name, {label, expected: 'an IPv4 address like 10.0.1.10', fits: (text) => /^[\d.]+$/.test(text), read: (token) => readAddress(token.text)});
}

/** Reads an IPv4 address, explaining the usual mistakes. */
export function readAddress(text: string): Read<string> {
	if (isAddress(text)) return ok(text);
	const expected = 'an IPv4 address like 10.0.1.10';
	if (text.includes('/')) {
		return bad(`'${text}' is a block, not an address — leave out the '/${text.split('/')[1] ?? ''}'`, expected, text.split('/')[0]);
	}
	if (text.toLowerCase() === 'localhost') return bad("'localhost' is a name: here, write its address, 127.0.0.1", expected, '127.0.0.1');
	if (['any', 'anywhere', 'all', '*'].includes(text.toLowerCase())) return bad(`'${text}' is not an address: every interface is 0.0.0.0`, expected, '0.0.0.0');
	return bad(`'${text}' is not an IPv4 address: expected four numbers 0–255 separated by dots, like 10.0.1.10`, expected);
}

/**
 * A CIDR block with no host bits set. With `suggestKnown`, Tab offers
 * 0.0.0.0/0 and the blocks of the network's subnets and VPCs (for rules and
 * routes; not for new subnets, which must not overlap them).
 */
export function cidr<const N extends string>(name: N, label = '<cidr>', suggestKnown = false): Param<N, string, false> {
	return param<N, string>(name, {
		label,
		expected: 'a CIDR block like 10.0.1.0/24',
		fits: (text) => /^[\d.]+\/\d*$/.test(text),
		read: (token) => readCidrText(token.text),
		...(suggestKnown ? {candidates: (context: ReadContext) => knownBlocks(context.network)} : {}),
	});
}

function knownBlocks(network: Network | undefined): string[] {
	return [...new Set(['0.0.0.0/0', ...(network?.subnets.map((subnet) => subnet.cidr) ?? []), ...(network?.vpcs.map((vpc) => vpc.cidr) ?? [])])];
}

/** Reads a CIDR block, explaining host bits and a missing prefix. */
export function readCidrText(text: string): Read<string> {
	const expected = 'a CIDR block like 10.0.1.0/24';
	const result = readCidr(text);
	if (result.ok) return ok(text);
	if (result.reason === 'host-bits') {
		return bad(`'${text}' has host bits set — did you mean ${result.suggestion}?`, expected, result.suggestion);
	}
	if (isAddress(text)) return bad(`'${text}' needs a prefix length, like ${text}/24 (or ${text}/32 for one address)`, expected);
	return bad(`'${text}' is not a CIDR block: expected an address, a slash and a prefix length 0–32, like 10.0.1.0/24`, expected);
}

/** A port number 1–65535. */
export function port<const N extends string>(name: N, label = '<port>'): Param<N, number, false> {
	return param<N, number>(name, {label, expected: 'a port number 1–65535', fits: (text) => /^\d+$/.test(text), read: (token) => readPort(token.text)});
}

function readPort(text: string): Read<number> {
	const value = parsePort(text);
	if (value !== undefined) return ok(value);
	return bad(`'${text}' is not a port: ports are whole numbers from 1 to 65535`, 'a port number 1–65535');
}

/** A port with an optional protocol suffix: `443` (tcp) or `53/udp`. */
export function portSpec<const N extends string>(name: N, label = '<port>[/udp]'): Param<N, {port: number; protocol: 'tcp' | 'udp'}, false> {
	return param<N, {port: number; protocol: 'tcp' | 'udp'}>(name, {
		label,
		expected: 'a port like 443 or 53/udp',
		fits: (text) => /^\d/.test(text),
		read: (token) => readPortSpec(token.text),
	});
}

/** Reads `443`, `443/tcp` or `53/udp`. */
export function readPortSpec(text: string): Read<{port: number; protocol: 'tcp' | 'udp'}> {
	const [portText = '', protocolText, ...extra] = text.split('/');
	const protocol = protocolText === undefined ? 'tcp' : protocolText.toLowerCase();
	if (extra.length > 0 || (protocol !== 'tcp' && protocol !== 'udp')) {
		return bad(`'${text}': expected a port, optionally followed by /tcp or /udp, like 53/udp`, 'a port like 443 or 53/udp');
	}
	const value = readPort(portText);
	return value.ok ? ok({port: value.value, protocol}) : value;
}

/** A port or an inclusive range, `443` or `1024-65535`; the value is normalized text. */
export function portRange<const N extends string>(name: N, label = '<ports>'): Param<N, string, false> {
	return param<N, string>(name, {
		label,
		expected: 'a port like 443 or a range like 1024-65535',
		fits: (text) => /^\d/.test(text) && !text.includes('.'),
		read: (token) => {
			const range = parsePortRange(token.text);
			if (range !== undefined) return ok(formatPortRange(range));
			const [from, to] = token.text.split('-').map((part) => parsePort(part));
			const why = from !== undefined && to !== undefined ? ' (the first port must not be larger than the second)' : ' (ports run from 1 to 65535)';
			return bad(`'${token.text}' is not a port or range${why}`, 'a port like 443 or a range like 1024-65535');
		},
	});
}

/** A positive whole number within bounds (a rule position, a rule number). */
export function count<const N extends string>(name: N, label: string, min: number, max: number, what: string): Param<N, number, false> {
	return param<N, number>(name, {
		label,
		expected: `${what} (${min}–${max})`,
		fits: (text) => /^\d+$/.test(text),
		read: (token) => {
			const value = /^\d{1,6}$/.test(token.text) ? Number(token.text) : Number.NaN;
			if (value >= min && value <= max) return ok(value);
			return bad(`'${token.text}' is not ${what}: expected a whole number from ${min} to ${max}`, `${what} (${min}–${max})`);
		},
	});
}

const LABEL = '(?!-)[a-z0-9_-]{1,63}(?<!-)';
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`, 'i');

/** True when text is a DNS name (labels of letters, digits, '-' and '_', dots between, optional final dot). */
export function isDnsName(text: string): boolean {
	return text.length <= 254 && DNS_NAME.test(text);
}

/** Canonical form of a DNS name: lower case, no final dot. */
export function canonicalName(text: string): string {
	return text.toLowerCase().replace(/\.$/, '');
}

/** A DNS name; the value is canonical (lower case, no final dot). */
export function dnsName<const N extends string>(name: N, label = '<name>'): Param<N, string, false> {
	return param<N, string>(name, {
		label,
		expected: 'a DNS name like travelbuddy.com',
		read: (token) =>
			isDnsName(token.text)
				? ok(canonicalName(token.text))
				: bad(`'${token.text}' is not a DNS name: use letters, digits and '-' in dot-separated labels, like www.travelbuddy.com`, 'a DNS name like travelbuddy.com'),
		candidates: (context) => [...new Set(context.network?.dns.map((record) => record.name) ?? [])],
	});
}

/** `[ip:]hostPort:containerPort[/udp]`, as in `docker run -p`. */
export function publishSpec<const N extends string>(name: N): Param<N, Publish, false> {
	return param<N, Publish>(name, {
		label: '[<ip>:]<hostPort>:<containerPort>[/udp]',
		expected: 'a port mapping like 8080:80 or 127.0.0.1:3306:3306/tcp',
		read: (token) => readPublish(token.text),
	});
}

/** Reads a Docker port mapping. */
export function readPublish(text: string): Read<Publish> {
	const expected = 'a port mapping like 8080:80 or 127.0.0.1:3306:3306/tcp';
	const [mapping = '', protocolText, ...extra] = text.split('/');
	const protocol = protocolText === undefined ? 'tcp' : protocolText.toLowerCase();
	if (extra.length > 0 || (protocol !== 'tcp' && protocol !== 'udp')) return bad(`'${text}': the protocol after '/' must be tcp or udp`, expected);
	const parts = mapping.split(':');
	if (parts.length < 2 || parts.length > 3) return bad(`'${text}' is not a port mapping: write hostPort:containerPort, like 8080:80`, expected);
	const hostIp = parts.length === 3 ? parts[0]! : '0.0.0.0';
	if (!isAddress(hostIp)) return bad(`'${hostIp}' is not an IPv4 address (the part before the host port)`, expected);
	const hostPort = parsePort(parts.at(-2)!);
	const containerPort = parsePort(parts.at(-1)!);
	if (hostPort === undefined || containerPort === undefined) return bad(`'${text}': both ports must be numbers from 1 to 65535`, expected);
	return ok({hostIp, hostPort, containerPort, protocol});
}

/** `<ip>:<port>`, the inside end of a port forward. */
export function socket<const N extends string>(name: N, label = '<ip>:<port>'): Param<N, {ip: string; port: number}, false> {
	return param<N, {ip: string; port: number}>(name, {
		label,
		expected: 'an address and a port like 10.0.1.10:443',
		read: (token) => {
			const colon = token.text.lastIndexOf(':');
			const ip = token.text.slice(0, Math.max(colon, 0));
			const portValue = parsePort(token.text.slice(colon + 1));
			if (colon < 0 || !isAddress(ip) || portValue === undefined) {
				return bad(`'${token.text}' is not an address and port: write them like 10.0.1.10:443`, 'an address and a port like 10.0.1.10:443');
			}
			return ok({ip, port: portValue});
		},
	});
}
