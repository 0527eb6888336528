import type {DnsRecord} from '../../engine/network.js';
import {canonicalName, dnsName, isDnsName, optional, readAddress, text, word} from '../args.js';
import {config, fail} from '../define.js';
import {nearest} from '../suggest.js';

/** DNS records in the public zone: `dns add`, `dns remove`. */

const TTL = 300;

/** A record as a zone-file line: `travelbuddy.com. 300 IN A 203.0.113.10`. */
export function zoneLine(record: DnsRecord): string {
	const value = record.type === 'CNAME' ? `${canonicalName(record.value)}.` : record.value;
	return `${canonicalName(record.name)}. ${TTL} IN ${record.type} ${value}`;
}

const same = (a: string, b: string) => canonicalName(a) === canonicalName(b);

/** `dns add`, `dns remove`. */
export const DNS_COMMANDS = [
	config({
		name: 'dns add',
		summary: 'Add an A record (name → address) or a CNAME (name → another name) to public DNS.',
		example: 'dns add www.travelbuddy.com CNAME travelbuddy.com',
		details: [
			'An A record maps a name to an IPv4 address; a CNAME makes a name an alias of another name.',
			'A name with a CNAME can have no other record (RFC 1034 §3.6.2). Names are case-insensitive.',
		],
		params: [dnsName('name'), word('type', ['A', 'CNAME']), text('value', '<value>', 'an address for A, a name for CNAME')],
		check: (args) => {
			if (args.type === 'A') {
				const value = readAddress(args.value);
				return value.ok ? undefined : fail(`an A record needs an address: ${value.message}`, 'value', {expected: 'an IPv4 address'});
			}
			if (!isDnsName(args.value)) return fail(`a CNAME points at a name, like travelbuddy.com — '${args.value}' is not one`, 'value');
			if (same(args.value, args.name)) return fail('a CNAME cannot point at itself', 'value');
			return undefined;
		},
		apply: (network, args) => {
			const value = args.type === 'CNAME' ? canonicalName(args.value) : args.value;
			const existing = network.dns.filter((record) => same(record.name, args.name));
			const clash = existing.find((record) => record.type === 'CNAME' || args.type === 'CNAME');
			if (clash !== undefined) {
				return fail(
					`${args.name} already has a ${clash.type} record (${clash.value}); a CNAME must be the only record of its name — remove it first with dns remove ${args.name}`,
					'name',
				);
			}
			const a = existing.find((record) => record.type === 'A');
			if (a !== undefined) {
				return fail(
					a.value === value
						? `${args.name} already points at ${value}`
						: `${args.name} already has an A record (${a.value}); remove it first with dns remove ${args.name} A`,
					'name',
				);
			}
			const record: DnsRecord = {name: args.name, type: args.type, value};
			return {
				network: {...network, dns: [...network.dns, record]},
				summary: `DNS: ${args.name} ${args.type === 'A' ? 'now resolves to' : 'is now an alias of'} ${value}.`,
			};
		},
		realWorld: (args) => [zoneLine({name: args.name, type: args.type, value: args.value})],
	}),
	config({
		name: 'dns remove',
		summary: 'Remove the records of a name (only its A or CNAME record when the type is given).',
		example: 'dns remove old.travelbuddy.com',
		params: [dnsName('name'), optional(word('type', ['A', 'CNAME']))],
		apply: (network, args) => {
			const removed = network.dns.filter((record) => same(record.name, args.name) && (args.type === undefined || record.type === args.type));
			if (removed.length === 0) {
				const names = network.dns.map((record) => canonicalName(record.name));
				const suggestion = nearest(args.name, names);
				const what = args.type === undefined ? 'record' : `${args.type} record`;
				return fail(
					`there is no DNS ${what} for ${args.name}${suggestion === undefined ? '' : ` — did you mean ${suggestion}?`}`,
					'name',
					suggestion === undefined ? {} : {suggestion},
				);
			}
			return {
				network: {...network, dns: network.dns.filter((record) => !removed.includes(record))},
				summary: `DNS: removed ${removed.map((record) => `${record.type} ${record.value}`).join(', ')} from ${args.name}.`,
			};
		},
		realWorld: (args) => [`printf 'update delete ${args.name}.${args.type === undefined ? '' : ` ${args.type}`}\\nsend\\n' | nsupdate`],
	}),
];
