import {describe, expect, it} from 'vitest';
import type {FlowInput} from './flow.js';
import {network, type NetworkInput} from './network.js';
import {dockerInput} from './test-networks.js';
import {trace} from './trace.js';

/**
 * `-p 127.0.0.1:3306:3306` makes Docker DNAT (and its proxy listen) on
 * 127.0.0.1:3306 only; packets to the host's other addresses are not
 * translated and go to whatever listens there
 * (https://docs.docker.com/engine/network/port-publishing/).
 */
describe('a port published on 127.0.0.1 only', () => {
	const traced = (flow: FlowInput, change: (input: NetworkInput) => void = () => undefined) => {
		const input = dockerInput();
		change(input);
		return trace(network(input), flow);
	};
	const hostApp = (input: NetworkInput) => void input.hosts!.find((host) => host.id === 'dock')!.apps!.push({name: 'admin', port: 3306, bind: '10.0.1.30'});

	it('does not hide an app of the host bound to its own address on the same port', () => {
		const result = traced({from: 'laptop', toHost: 'dock', port: 3306}, hostApp);
		expect(result.outcome).toMatchObject({code: 'DELIVERED', at: 'dock', decidedBy: {kind: 'app', id: 'dock', index: 1}});
		expect(result.hops.filter((hop) => hop.action === 'drop')).toEqual([]);
	});

	it('is bound to localhost for the Docker host too when it uses its own address', () => {
		const result = traced({from: 'dock', to: '10.0.1.30', port: 3306});
		expect(result.outcome).toMatchObject({code: 'BOUND_TO_LOCALHOST', at: 'dock', decidedBy: {kind: 'publish', id: 'db-c', index: 0}});
	});

	it('still answers the Docker host at 127.0.0.1, and nobody else', () => {
		expect(traced({from: 'dock', to: '127.0.0.1', port: 3306}).outcome).toMatchObject({code: 'DELIVERED', at: 'db-c'});
		expect(traced({from: 'laptop', toHost: 'dock', port: 3306}).outcome.code).toBe('BOUND_TO_LOCALHOST');
	});
});
