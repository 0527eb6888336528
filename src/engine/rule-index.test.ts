import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cidrContains, parseAddress, parseCidr} from './address.js';
import {evaluateChain, firewallRuleMatches} from './firewall.js';
import {evaluateNacl} from './nacl.js';
import {chainSchema, network, type NaclRule, type SgInboundRule} from './network.js';
import {inRange, rangeOf} from './ports.js';
import {evaluateSecurityGroups} from './security-groups.js';
import {topologyOf} from './topology.js';

/**
 * Firewall chains, network ACLs and security groups answer "which rule
 * decides this port?" from a per-list index of the whole port space (so
 * lists of tens of thousands of rules grade in linear time). Property: the
 * index always gives the same answer as reading the rules one by one, first
 * match wins — also when the same list is asked again (the cached index).
 */

const PORTS = [1, 22, 53, 80, 443, 1023, 1024, 3306, 8080, 40000, 65535];
const ADDRESSES = ['10.0.0.5', '10.0.1.9', '192.0.2.7', '198.51.100.1'];
const BLOCKS = ['0.0.0.0/0', '10.0.0.0/8', '10.0.1.0/24', '192.0.2.0/24', '198.51.100.1/32'];

const portText = fc.oneof(
	fc.constantFrom(...PORTS).map(String),
	fc.tuple(fc.constantFrom(...PORTS), fc.constantFrom(...PORTS)).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
);
const protocol = fc.constantFrom('tcp' as const, 'udp' as const);
const ruleProtocol = fc.constantFrom('tcp' as const, 'udp' as const, 'all' as const);
const action = fc.constantFrom('allow' as const, 'deny' as const);
const question = fc.record({protocol, src: fc.constantFrom(...ADDRESSES), dst: fc.constantFrom(...ADDRESSES), port: fc.constantFrom(...PORTS, 2, 65534)});
const chainQuestion = fc.record({protocol, src: fc.constantFrom(...ADDRESSES), dst: fc.constantFrom(...ADDRESSES), port: fc.constantFrom(...PORTS, 2, 65534), established: fc.boolean(), loopback: fc.boolean()});

describe('the rule indexes agree with first-match, rule by rule', () => {
	it('firewall chains', () => {
		const rule = fc.record(
			{
				action: fc.constantFrom('allow' as const, 'deny' as const, 'reject' as const),
				protocol: ruleProtocol,
				ports: portText,
				source: fc.constantFrom(...BLOCKS),
				destination: fc.constantFrom(...BLOCKS),
				state: fc.constant('established' as const),
				interface: fc.constant('lo' as const),
			},
			{requiredKeys: ['action', 'protocol']},
		);
		fc.assert(
			fc.property(fc.array(rule, {maxLength: 12}), action, fc.array(chainQuestion, {minLength: 1, maxLength: 6}), (rules, policy, questions) => {
				const chain = chainSchema.parse({policy, rules: rules.map((entry) => (entry.protocol === 'all' ? {...entry, ports: undefined} : entry))});
				for (const ask of [...questions, ...questions]) {
					const packet = {protocol: ask.protocol, src: parseAddress(ask.src)!, dst: parseAddress(ask.dst)!, dstPort: ask.port, established: ask.established, loopback: ask.loopback};
					const index = chain.rules.findIndex((candidate) => firewallRuleMatches(candidate, packet));
					const found = chain.rules[index];
					// A conntrack rule matches only tracked packets, a lo rule only loopback ones (iptables-extensions(8), iptables(8) -i).
					if (found?.state === 'established') expect(ask.established).toBe(true);
					if (found?.interface === 'lo') expect(ask.loopback).toBe(true);
					const naive =
						found === undefined
							? {allowed: policy === 'allow'}
							: found.action === 'reject'
								? {allowed: false, index, rejected: true}
								: {allowed: found.action === 'allow', index};
					expect(evaluateChain(chain, packet)).toEqual(naive);
				}
			}),
		);
	});

	it('network ACLs', () => {
		const rule = fc.record({number: fc.integer({min: 1, max: 500}), action, protocol: ruleProtocol, ports: portText, cidr: fc.constantFrom(...BLOCKS)});
		fc.assert(
			fc.property(fc.uniqueArray(rule, {maxLength: 12, selector: (entry) => entry.number}), fc.array(question, {minLength: 1, maxLength: 6}), (rules, questions) => {
				const inbound = rules.map(({number, ...entry}) => ({rule: number, ...entry, ...(entry.protocol === 'all' ? {ports: undefined} : {})}));
				const sorted = topologyOf(network({networkAcls: [{id: 'acl', inbound}]})).naclRules.get('acl')!.inbound;
				for (const ask of [...questions, ...questions]) {
					const address = parseAddress(ask.src)!;
					const first = sorted.find(({rule: candidate}: {rule: NaclRule}) => {
						if (candidate.protocol !== 'all' && candidate.protocol !== ask.protocol) return false;
						if (!cidrContains(parseCidr(candidate.cidr)!, address)) return false;
						return candidate.protocol === 'all' || inRange(rangeOf(candidate.ports), ask.port);
					});
					const verdict = evaluateNacl(sorted, {protocol: ask.protocol, address, ports: {from: ask.port, to: ask.port}});
					expect(verdict.allowed).toBe(first?.rule.action === 'allow');
					expect(verdict.deciding.rule).toBe(first);
				}
			}),
		);
	});

	it('security groups', () => {
		const rule = fc.record({protocol: ruleProtocol, ports: portText, source: fc.constantFrom(...BLOCKS, 'sg-b')}, {requiredKeys: ['protocol', 'source']});
		fc.assert(
			fc.property(fc.array(rule, {maxLength: 8}), fc.array(rule, {maxLength: 8}), fc.array(question, {minLength: 1, maxLength: 6}), (first, second, questions) => {
				const clean = (rules: typeof first) => rules.map((entry) => (entry.protocol === 'all' ? {protocol: 'all' as const, source: entry.source} : entry));
				const topology = topologyOf(
					network({
						hosts: [
							{id: 'a', interfaces: [{subnet: 's', ip: '10.0.1.9'}], securityGroups: ['sg-a', 'sg-b']},
							{id: 'peer', interfaces: [{subnet: 's', ip: '10.0.1.10'}], securityGroups: ['sg-b']},
						],
						subnets: [{id: 's', cidr: '10.0.1.0/24'}],
						securityGroups: [
							{id: 'sg-a', inbound: clean(first)},
							{id: 'sg-b', inbound: clean(second)},
						],
					}),
				);
				for (const ask of [...questions, ...questions]) {
					const peerHost = ask.src === '10.0.1.9' ? 'peer' : undefined;
					const packet = {protocol: ask.protocol, dstPort: ask.port, peer: parseAddress(ask.src)!, ...(peerHost ? {peerHost} : {})};
					let naive: {allowed: true; group: string; index: number} | {allowed: false} = {allowed: false};
					search: for (const group of ['sg-a', 'sg-b']) {
						for (const [index, candidate] of (topology.securityGroups.get(group)!.inbound as SgInboundRule[]).entries()) {
							if (candidate.protocol !== 'all' && (candidate.protocol !== ask.protocol || !inRange(rangeOf(candidate.ports), ask.port))) continue;
							const block = parseCidr(candidate.source);
							const matches = block ? cidrContains(block, packet.peer) : peerHost !== undefined && candidate.source === 'sg-b';
							if (!matches) continue;
							naive = {allowed: true, group, index};
							break search;
						}
					}
					expect(evaluateSecurityGroups(topology, ['sg-a', 'sg-b'], 'inbound', packet)).toEqual(naive);
				}
			}),
		);
	});
});
