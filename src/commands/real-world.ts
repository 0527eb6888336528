import type {RuleProtocol} from '../engine/network.js';
import {rangeOf} from '../engine/ports.js';

/**
 * How the real tools spell ports and protocols, so each definition prints
 * its equivalent the same way: iptables writes ranges with a colon, AWS with
 * From/To, and "every protocol" is -1 to AWS.
 */

/** iptables matchers: `-p tcp --dport 1024:65535` (nothing for every protocol). */
export function iptablesMatch(protocol: RuleProtocol, ports: string | undefined): string[] {
	if (protocol === 'all') return [];
	const parts = ['-p', protocol];
	if (ports !== undefined) parts.push('--dport', ports.replace('-', ':'));
	return parts;
}

/** The AWS CLI protocol word: tcp, udp, or -1 for every protocol. */
export function awsProtocol(protocol: RuleProtocol): string {
	return protocol === 'all' ? '-1' : protocol;
}

/** The AWS port range of a rule: every port is 0–65535 to AWS. */
export function awsPorts(ports: string | undefined): {from: number; to: number} {
	if (ports === undefined) return {from: 0, to: 65535};
	const range = rangeOf(ports);
	return {from: range.from, to: range.to};
}
