import {isAddress} from './address.js';
import {normalizeName} from './dns.js';
import type {Network} from './network.js';
import type {NetworkIssue} from './validate-context.js';

/**
 * Validation of the public DNS zone: names that are names, A records that
 * hold addresses, CNAME records that hold names, and no CNAME sharing its
 * name with another record.
 */

// Labels of letters, digits, '-' and '_' (not starting or ending with '-'), up to 63 each, 253 in all; a trailing dot is allowed.
const labelPattern = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/** True when `text` is a DNS name (RFC 1035 syntax, underscores allowed) and not an IPv4 address. */
export function isDnsName(text: string): boolean {
	const name = text.endsWith('.') ? text.slice(0, -1) : text;
	if (name.length === 0 || name.length > 253 || isAddress(name)) return false;
	return name.split('.').every((label) => labelPattern.test(label));
}

/** Every problem of the DNS records, in list order. */
export function checkDns(network: Network): NetworkIssue[] {
	const issues: NetworkIssue[] = [];
	const types = new Map<string, Set<string>>();
	for (const record of network.dns) {
		const key = normalizeName(record.name);
		const set = types.get(key) ?? new Set<string>();
		set.add(record.type);
		types.set(key, set);
	}
	const seenCname = new Set<string>();
	network.dns.forEach((record, position) => {
		const path = ['dns', position];
		if (!isDnsName(record.name)) {
			issues.push({path: [...path, 'name'], message: `'${record.name}' is not a DNS name like www.travelbuddy.com`, value: record.name});
		}
		if (record.type === 'A' && !isAddress(record.value)) {
			const hint = isDnsName(record.value) ? '; to point a name at another name, use a CNAME record' : '';
			issues.push({
				path: [...path, 'value'],
				message: `the A record for ${record.name} must hold an IPv4 address, and '${record.value}' is not one${hint}`,
				value: record.value,
			});
		}
		if (record.type === 'CNAME' && !isDnsName(record.value)) {
			const hint = isAddress(record.value) ? '; to point a name at an address, use an A record' : '';
			issues.push({
				path: [...path, 'value'],
				message: `the CNAME record for ${record.name} must hold a name, and '${record.value}' is not one${hint}`,
				value: record.value,
			});
		}
		const key = normalizeName(record.name);
		const kinds = types.get(key);
		if (record.type === 'CNAME' && kinds !== undefined && (kinds.has('A') || seenCname.has(key))) {
			// RFC 1034 §3.6.2: a name with a CNAME record has no other data.
			issues.push({
				path: [...path, 'type'],
				message: `${record.name} already has another record; a name with a CNAME record can have no other record (RFC 1034)`,
				value: record.type,
			});
		}
		if (record.type === 'CNAME') seenCname.add(key);
	});
	return issues;
}
