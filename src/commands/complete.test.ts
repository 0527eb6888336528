import {describe, expect, it} from 'vitest';
import {complete, DEMO_NETWORK} from './index.js';

/** Tab completion: what can come next, from the table and the network. */

const at = (text: string) => complete(DEMO_NETWORK, text, text.length);
/** Where the word at the end of `text` starts. */
const wordStart = (text: string) => text.lastIndexOf(' ') + 1;

describe('complete', () => {
	it.each([
		['', ['dns', 'host', 'eip', 'app', 'subnet', 'route-table', 'route', 'firewall', 'nat', 'vpc', 'igw', 'natgw', 'sg', 'nacl', 'container-network', 'container', 'dig', 'curl', 'nc', 'traceroute', 'show', 'explain', 'undo', 'reset', 'hint', 'help', 'goals', 'check', 'map']],
		['ro', ['route-table', 'route']],
		['route ', ['add', 'remove']],
		['route a', ['add']],
		['route add ', ['rt-public', 'rt-private', 'rt-office']],
		['route add rt-p', ['rt-public', 'rt-private']],
		['route add rt-private 0.0.0.0/0 ', ['via', 'local', 'blackhole', 'r1', 'gw', 'igw-1', 'igw-lab', 'nat-1']],
		['route add rt-private 0.0.0.0/0 n', ['nat-1']],
		['host move web ', ['public', 'app', 'spare', 'office', 'servers', 'legacy', 'internet']],
		['app remove web ', ['website', 'mysql']],
		['app remove shop ', ['shop']],
		['firewall insert web i', ['input']],
		['firewall insert web input 1 allow tcp 443 ', ['from', 'to', 'on']],
		['firewall insert web input 1 allow tcp 443 from 10.0.0.0/8 ', ['to', 'on']],
		['firewall insert web input allow ', ['established', 'tcp', 'udp', 'all', 'from', 'to', 'on']],
		['subnet create db 10.0.3.0/24 --', ['--vpc']],
		['subnet create db 10.0.3.0/24 --vpc ', ['main', 'lab']],
		['sg allow sg-web inbound tcp 443 from ', ['0.0.0.0/0', 'sg-web', 'sg-old']],
		['nacl add acl-public in', ['inbound']],
		['show r', ['routes', 'r1', 'rt-public', 'rt-private', 'rt-office']],
		['help route a', ['add']],
		['help rou', ['route-table', 'route']],
		['explain route add rt-o', ['rt-office']],
		['dig travelbuddy.com ', ['from']],
		['curl ', ['web', 'database', 'old-server', 'laptop', 'pc', 'r1', 'gw', 'docker1', 'shop']],
		['curl laptop ', ['http://travelbuddy.com/', 'http://old.travelbuddy.com/']],
		['firewall append r1 forward deny from 192', ['192.168.1.0/24', '192.168.2.0/24', '192.168.3.0/24']],
		['nacl add acl-public inbound 100 allow tcp 443 0', ['0.0.0.0/0']],
		['subnet create db ', []],
		['nosuch ', []],
		['undo ', []],
	] as const)('%j', (text, candidates) => {
		expect(at(text)).toEqual({from: wordStart(text), candidates});
	});

	it('completes the word under the cursor, not the end of the line', () => {
		const text = 'route add rt-p 0.0.0.0/0 igw-1';
		expect(complete(DEMO_NETWORK, text, 14)).toEqual({from: 10, candidates: ['rt-public', 'rt-private']});
	});

	it('never throws on odd input', () => {
		expect(complete(DEMO_NETWORK, 'host create "unterminated', 25)).toEqual({from: 25, candidates: []});
		expect(complete(DEMO_NETWORK, 'show', 99)).toEqual({from: 0, candidates: ['show']});
		expect(complete(DEMO_NETWORK, 'show', -3)).toMatchObject({from: 0});
	});
});
