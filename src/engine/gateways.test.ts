import {describe, expect, it} from 'vitest';
import {network} from './network.js';
import {cloudInput} from './test-networks.js';
import {trace} from './trace.js';

describe('NAT gateway: source port translation', () => {
	// A NAT gateway picks its own source port for each connection, anywhere in 1024-65535, so the
	// network ACL of its subnet must let replies in on that whole range, whatever port the client
	// used: https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html#nacl-ephemeral-ports
	const withPublicAcl = () => {
		const input = cloudInput();
		input.networkAcls = [
			{
				id: 'acl-public',
				inbound: [
					{rule: 100, action: 'allow', protocol: 'tcp', ports: '443', cidr: '10.0.0.0/16'},
					{rule: 110, action: 'allow', protocol: 'tcp', ports: '32768-65535', cidr: '0.0.0.0/0'},
				],
				outbound: [{rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0'}],
			},
		];
		input.subnets!.find((subnet) => subnet.id === 'public')!.networkAcl = 'acl-public';
		return network(input);
	};

	it('a client that pins its source port still gets its reply on any port the NAT gateway chose', () => {
		const result = trace(withPublicAcl(), {from: 'app', toHost: 'api', port: 443, sourcePort: 40000});
		expect(result.outcome).toMatchObject({code: 'REPLY_DENIED_BY_NACL', at: 'public', decidedBy: {kind: 'nacl-default', id: 'acl-public', list: 'inbound'}});
		expect(result.outcome.message).toContain('1024-32767');
		const translate = result.hops.find((hop) => hop.node === 'nat-gw-1' && hop.action === 'translate');
		expect(translate).toMatchObject({packet: {src: '10.0.2.20', srcPort: '40000'}, after: {src: '10.0.1.10', srcPort: '1024-65535'}});
	});

	it('the reply is given back the client port it was sent from', () => {
		const result = trace(network(cloudInput()), {from: 'app', toHost: 'api', port: 443, sourcePort: 40000});
		expect(result.outcome.code).toBe('DELIVERED');
		expect(result.hops.at(-1)).toMatchObject({node: 'app', action: 'reply', packet: {dst: '10.0.2.20', dstPort: 40000}});
		expect(result.hops.at(-1)?.packet.dstPortRange).toBeUndefined();
	});
});
