import {describe, expect, it} from 'vitest';
import {formatAddress} from './address.js';
import {representatives} from './address-class.js';
import {grade} from './grade.js';
import {network, type NetworkInput} from './network.js';
import {cloudInput} from './test-networks.js';

/**
 * Goals over address classes: a sample host stands for every address of its
 * class, and the goal is decided over all of them exactly (one
 * representative per cell of the address space the network's rules cut).
 */

function withSsh(source: string): NetworkInput {
	const input = cloudInput();
	const web = input.hosts!.find((host) => host.id === 'web')!;
	web.apps = [...(web.apps ?? []), {name: 'ssh', port: 22}];
	input.securityGroups![0]!.inbound = [...input.securityGroups![0]!.inbound!, {protocol: 'tcp', ports: '22', source}];
	return input;
}

const sshFromInternet = {id: 'ssh', kind: 'blocked', description: 'Nobody outside the office reaches SSH', flow: {from: 'laptop', toHost: 'web', port: 22}} as const;

describe('address classes', () => {
	it('one representative per cell, the sample first, never another machine’s address', () => {
		const net = network(withSsh('192.0.2.0/25'));
		const found = representatives(net, 'laptop', 'internet');
		if ('problem' in found) throw new Error(found.problem);
		const shown = found.addresses.map(formatAddress);
		expect(shown[0]).toBe('192.0.2.50');
		expect(shown).toContain('192.0.2.128');
		expect(shown).not.toContain('198.51.100.7');
		expect(shown.every((address) => !address.startsWith('10.'))).toBe(true);
	});

	it('a blocked goal over a CIDR fails when one address of it gets in, naming that address', () => {
		// SSH is open to 192.0.2.0/25 only; the laptop (192.0.2.50) is inside, so sample-only grading could not tell the ranges apart.
		const net = network(withSsh('192.0.2.0/25'));
		const outsiders = {...sshFromInternet, flow: {from: 'api', toHost: 'web', port: 22}, sources: 'internet'} as const;
		const report = grade(net, [outsiders]);
		expect(report.goals[0]!.passed).toBe(false);
		expect(report.goals[0]!.message).toMatch(/^From 192\.0\.2\.\d+ \(one of the internet\)/);
		expect(report.goals[0]!.trace?.hops[0]?.packet.src).toMatch(/^192\.0\.2\./);
	});

	it('a reach goal over the office block fails when the rule names only part of it', () => {
		const office = {id: 'office', kind: 'reach', description: 'The whole office reaches SSH', flow: {from: 'laptop', toHost: 'web', port: 22}, sources: {cidr: '192.0.2.0/24'}} as const;
		expect(grade(network(withSsh('192.0.2.0/24')), [office]).goals[0]!.passed).toBe(true);
		const half = grade(network(withSsh('192.0.2.0/25')), [office]).goals[0]!;
		expect(half.passed).toBe(false);
		expect(half.message).toMatch(/^From 192\.0\.2\.128 \(one of 192\.0\.2\.0\/24\)/);
	});

	it('a blocked goal over everyone outside the office passes only when the rule stays inside the office', () => {
		const outside = {...sshFromInternet, flow: {from: 'api', toHost: 'web', port: 22}, sources: {cidr: '198.0.0.0/8'}} as const;
		expect(grade(network(withSsh('192.0.2.0/24')), [outside]).goals[0]!.passed).toBe(true);
		const wide = grade(network(withSsh('198.51.128.0/17')), [outside]).goals[0]!;
		expect(wide.passed).toBe(false);
		expect(wide.message).toMatch(/^From 198\.51\.128\.0 \(one of 198\.0\.0\.0\/8\)/);
	});

	it('a reach goal over a subnet holds for every usable address of it, not only the sample’s', () => {
		const fromSubnet = (source: string) => {
			const input = cloudInput();
			input.securityGroups![1]!.inbound = [{protocol: 'tcp', ports: '8080', source}];
			return network(input);
		};
		const tier = {id: 'tier', kind: 'reach', description: 'The public subnet reaches the payment app', flow: {from: 'web', toHost: 'app', port: 8080}, sources: {subnet: 'public'}} as const;
		expect(grade(fromSubnet('10.0.1.0/24'), [tier]).goals[0]!.passed).toBe(true);
		// The sample 10.0.1.20 is inside the /27, so its own trace is delivered; 10.0.1.32 is not.
		const part = grade(fromSubnet('10.0.1.0/27'), [tier]).goals[0]!;
		expect(part.passed).toBe(false);
		expect(part.message).toMatch(/^From 10\.0\.1\.32 \(one of subnet public\)/);
		expect(part.code).toBe('DENIED_BY_SECURITY_GROUP');
		const found = representatives(fromSubnet('10.0.1.0/27'), 'web', {subnet: 'public'});
		if ('problem' in found) throw new Error(found.problem);
		// AWS reserves the first four addresses and the last (10.0.1.0-3, .255); the NAT gateway's 10.0.1.10 is another machine's.
		const shown = found.addresses.map(formatAddress);
		expect(shown).not.toContain('10.0.1.0');
		expect(shown).not.toContain('10.0.1.10');
		expect(shown.every((address) => address.startsWith('10.0.1.'))).toBe(true);
	});

	it('a sample that cannot send the class fails the goal with a sentence, it never throws', () => {
		const wrong = {...sshFromInternet, flow: {from: 'web', toHost: 'db', port: 3306}, sources: 'internet'} as const;
		const result = grade(network(cloudInput()), [wrong]).goals[0]!;
		expect(result.passed).toBe(false);
		expect(result.message).toMatch(/sources cannot be checked/);
	});
});
