import {describe, expect, it} from 'vitest';
import {parseAddress} from './address.js';
import {evaluateNacl} from './nacl.js';
import {networkAclSchema} from './network.js';
import {EPHEMERAL_PORTS} from './ports.js';
import {topologyOf} from './topology.js';
import {network} from './network.js';

function rulesOf(outbound: unknown[]) {
	const acl = networkAclSchema.parse({id: 'acl', outbound});
	return topologyOf(network({networkAcls: [acl]})).naclRules.get('acl')!.outbound;
}

const client = parseAddress('192.0.2.50')!;

describe('evaluateNacl', () => {
	it('evaluates rules by number, not by list position', () => {
		const rules = rulesOf([
			{rule: 200, action: 'allow', protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0'},
			{rule: 100, action: 'deny', protocol: 'tcp', ports: '443', cidr: '192.0.2.0/24'},
		]);
		const verdict = evaluateNacl(rules, {protocol: 'tcp', address: client, ports: {from: 443, to: 443}});
		expect(verdict.allowed).toBe(false);
		expect(verdict.deciding.rule).toMatchObject({index: 1, rule: {rule: 100}});
	});

	it('ends with the final deny when no rule matches', () => {
		const rules = rulesOf([{rule: 100, action: 'allow', protocol: 'udp', cidr: '0.0.0.0/0'}]);
		const verdict = evaluateNacl(rules, {protocol: 'tcp', address: client, ports: {from: 443, to: 443}});
		expect(verdict).toMatchObject({allowed: false, deciding: {action: 'deny', range: {from: 443, to: 443}}});
		expect(verdict.deciding.rule).toBeUndefined();
	});

	it('splits a port range between the rules that cover it', () => {
		const rules = rulesOf([
			{rule: 100, action: 'allow', protocol: 'tcp', ports: '32768-65535', cidr: '0.0.0.0/0'},
			{rule: 110, action: 'deny', protocol: 'tcp', ports: '2000-3000', cidr: '0.0.0.0/0'},
		]);
		const verdict = evaluateNacl(rules, {protocol: 'tcp', address: client, ports: EPHEMERAL_PORTS});
		expect(verdict.allowed).toBe(false);
		expect(verdict.decisions.map((decision) => [decision.range.from, decision.range.to, decision.action, decision.rule?.rule.rule])).toEqual([
			[1024, 1999, 'deny', undefined],
			[2000, 3000, 'deny', 110],
			[3001, 32767, 'deny', undefined],
			[32768, 65535, 'allow', 100],
		]);
		// The first denied sub-range decides what is reported.
		expect(verdict.deciding.range).toEqual({from: 1024, to: 1999});
	});

	it('allows a range only when every port of it is allowed', () => {
		const rules = rulesOf([
			{rule: 100, action: 'allow', protocol: 'tcp', ports: '1024-40000', cidr: '0.0.0.0/0'},
			{rule: 120, action: 'allow', protocol: 'all', cidr: '192.0.2.0/24'},
		]);
		expect(evaluateNacl(rules, {protocol: 'tcp', address: client, ports: EPHEMERAL_PORTS}).allowed).toBe(true);
		const other = parseAddress('198.51.100.1')!;
		const verdict = evaluateNacl(rules, {protocol: 'tcp', address: other, ports: EPHEMERAL_PORTS});
		expect(verdict.allowed).toBe(false);
		expect(verdict.denied.map((decision) => decision.range)).toEqual([{from: 40001, to: 65535}]);
	});

	it('matches the cidr against the given address', () => {
		const rules = rulesOf([{rule: 100, action: 'allow', protocol: 'all', cidr: '10.0.0.0/8'}]);
		expect(evaluateNacl(rules, {protocol: 'udp', address: parseAddress('10.1.2.3')!, ports: {from: 53, to: 53}}).allowed).toBe(true);
		expect(evaluateNacl(rules, {protocol: 'udp', address: client, ports: {from: 53, to: 53}}).allowed).toBe(false);
	});
});
