import {describe, expect, it} from 'vitest';
import {parseAddress} from './address.js';
import {matchApp} from './deliver.js';
import {network, type App} from './network.js';
import {officeInput} from './test-networks.js';
import {trace} from './trace.js';

const app = (bind: string): App => ({name: 'adm', port: 5000, protocol: 'tcp', bind});
const address = (text: string): number => parseAddress(text) ?? -1;

describe('matchApp: which listener takes a connection', () => {
	// A socket bound to one address accepts only connections to that address, loopback
	// included: bind(2) with 10.1.3.10 is not reachable at 127.0.0.1 (see ip(7), INADDR_ANY).
	it.each([
		['0.0.0.0 over loopback', '0.0.0.0', '127.0.0.1', true, 'accepted'],
		['127.0.0.1 over loopback', '127.0.0.1', '127.0.0.1', true, 'accepted'],
		['its own address, reached at 127.0.0.1', '10.1.3.10', '127.0.0.1', true, 'other-address'],
		['127.0.0.1, reached at another loopback address', '127.0.0.1', '127.0.0.2', true, 'other-address'],
		['127.0.0.1, reached at the host address', '127.0.0.1', '10.1.3.10', false, 'localhost-only'],
	] as const)('an app bound to %s', (_, bind, destination, loopback, kind) => {
		expect(matchApp([app(bind)], 'tcp', 5000, address(destination), loopback).kind).toBe(kind);
	});

	it('a host reaching its own app at localhost is refused when the app is bound to the host address only', () => {
		const input = officeInput();
		input.hosts!.find((host) => host.id === 'db1')!.apps = [app('10.1.3.10')];
		const result = trace(network(input), {from: 'db1', to: 'localhost', port: 5000});
		expect(result.outcome).toMatchObject({code: 'CONNECTION_REFUSED', at: 'db1', decidedBy: {kind: 'app', id: 'db1', index: 0}});
		expect(trace(network(input), {from: 'db1', to: '10.1.3.10', port: 5000}).outcome.code).toBe('DELIVERED');
	});
});
