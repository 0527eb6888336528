import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {formatProblem} from './problem.js';
import {validateLevelFile, validateLevelText, validatePaths} from './validate.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'levels', name);
const lines = (file: string) => validateLevelFile(fixture(file), file).map(formatProblem);

describe('validateLevelFile', () => {
	it('finds nothing wrong with a good level', () => {
		expect(lines('good/01-dns.json')).toEqual([]);
		expect(lines('good/02-web-port.json')).toEqual([]);
		expect(lines('tricky/escapes.json')).toEqual([]);
	});

	it.each([
		[
			'broken/solution-parse.json',
			[
				`broken/solution-parse.json:90:3: solution line "dns ad www.travelbuddy.com A 203.0.113.10" fails: 'dns' has no 'ad' — did you mean 'dns add'? (dns: add, remove) (at /solution/0)`,
			],
		],
		[
			'broken/solution-apply.json',
			[
				'broken/solution-apply.json:91:3: solution line "dns add www.travelbuddy.com A 203.0.113.10" fails: www.travelbuddy.com already points at 203.0.113.10 (at /solution/1)',
			],
		],
		[
			'broken/solution-unsolved.json',
			[
				'broken/solution-unsolved.json:89:14: the solution does not solve the level: goal "by-name" fails with NO_ROUTE: No one on the internet answers at 203.0.113.99. (at /solution)',
				'broken/solution-unsolved.json:89:14: the solution does not solve the level: goal "resolves" fails: www.travelbuddy.com resolves to 203.0.113.99, not 203.0.113.10. (at /solution)',
			],
		],
		[
			'broken/already-solved.json',
			['broken/already-solved.json:16:13: the start network already meets every goal: the player would have nothing to do (at /network)'],
		],
		[
			'broken/unknown-ref.json',
			[
				"broken/unknown-ref.json:60:17: route table rt-lan: the route for 0.0.0.0/0 cannot go there: 'nat-2' does not exist; a target is local, blackhole, a router or NAT device (or its address), an internet gateway or a NAT gateway (at /network/routeTables/0/routes/0/target)",
				'broken/unknown-ref.json:68:3: "dns remov" is not a configuration command (did you mean "dns remove"?) (at /commands/1)',
				'broken/unknown-ref.json:76:13: goal "by-name" names the host "lapton", which does not exist (did you mean "laptop"?) (at /goals/0/flow/from)',
				'broken/unknown-ref.json:107:15: goal "lan-private" names the subnet "office", which does not exist (at /goals/3/state/subnet)',
			],
		],
		[
			'broken/bad-schema.json',
			[
				'broken/bad-schema.json:1:1: missing required field "title" (a string) (at /title)',
				'broken/bad-schema.json:3:8: expected a name of letters, digits, "-", "_" or "." (at most 63) (at /id)',
				'broken/bad-schema.json:7:3: expected one of "client-server", "ip", "dns", "ports", "port-mapping", "subnets", "routing", "firewall", "nat", "vpc", "internet-gateway", "nat-gateway", "route-table", "security-group", "nacl", "containers", got "dnss" (did you mean "dns"?) (at /concepts/1)',
				'broken/bad-schema.json:24:13: expected an IPv4 address like 203.0.113.10 (four decimal numbers 0–255) (at /network/hosts/0/interfaces/0/ip)',
				'broken/bad-schema.json:31:15: unknown field "prot" (did you mean "port"?); it is ignored (at /network/hosts/0/apps/0/prot)',
				'broken/bad-schema.json:37:13: expected one of "server", "client", "instance", "router", "nat", got "laptop" (at /network/hosts/1/kind)',
				'broken/bad-schema.json:55:12: expected "kind" to be one of "reach", "blocked", "only", "state", got "rech" (did you mean "reach"?) (at /goals/0/kind)',
				'broken/bad-schema.json:80:13: must be at most 65535, got 70000 (at /goals/2/flow/port)',
				'broken/bad-schema.json:84:11: needs at least 1 item (at /hints)',
			],
		],
	])('%s', (file, expected) => {
		expect(lines(file)).toEqual(expected);
	});

	it('reports a file it cannot read', () => {
		const missing = validateLevelFile(fixture('nope.json'), 'nope.json').map(formatProblem);
		expect(missing).toEqual(['nope.json:1:1: cannot read the file (ENOENT)']);
	});
});

describe('validateLevelText', () => {
	const good = fs.readFileSync(fixture('good/01-dns.json'));

	it('accepts bytes and text alike', () => {
		expect(validateLevelText(good, 'a.json')).toEqual([]);
		expect(validateLevelText(good.toString('utf8'), 'a.json')).toEqual([]);
	});

	it('reports a solution element holding several lines at that element', () => {
		const level = JSON.parse(good.toString('utf8')) as {solution: string[]};
		level.solution = ['# first\n# second', 'dns add www.travelbuddy.com A 203.0.113.10', 'dns ad x'];
		const text = JSON.stringify(level, null, '\t');
		expect(validateLevelText(text, 'a.json').map((problem) => problem.pointer)).toEqual(['/solution/2']);
	});

	it('reports a solution line a level does not allow', () => {
		const level = JSON.parse(good.toString('utf8')) as {commands: string[]};
		level.commands = ['dns remove'];
		expect(validateLevelText(JSON.stringify(level), 'a.json').map((problem) => problem.message)).toEqual([
			'solution line "dns add www.travelbuddy.com A 203.0.113.10" fails: dns add is not available in this level — here you can use: dns remove',
		]);
	});
});

describe('validatePaths', () => {
	it('reads folders with their sub-folders, counts level files, and reports an id used twice', () => {
		const report = validatePaths(['test/fixtures/levels/good', 'test/fixtures/levels/dup'], root);
		expect(report.files).toBe(3);
		expect(report.problems.map(formatProblem)).toEqual([
			'test/fixtures/levels/dup/copy-of-dns.json:3:8: level id "fixture-dns" is also used by test/fixtures/levels/good/01-dns.json (at /id)',
		]);
	});
});
