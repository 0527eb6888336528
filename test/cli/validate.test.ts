import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {MAX_LEVEL_FILE_BYTES} from '../../src/levels/json-source.js';
import {FIXTURES, removeTempDirs, run, tempDir} from './run-cli.js';

afterAll(removeTempDirs);

describe('netquest validate', () => {
	it('exits 0 with a summary for clean files', async () => {
		expect(await run(['validate', 'test/fixtures/levels/good', 'test/fixtures/levels/tricky/escapes.json'])).toEqual({
			code: 0,
			stdout: '3 level files checked: no problems\n',
			stderr: '',
		});
	});

	it('prints every problem of every file as file:line:col: message (at /pointer), then exits 1', async () => {
		const result = await run(['validate', 'test/fixtures/levels/broken']);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('');
		const lines = result.stdout.split('\n');
		expect(lines.at(-1)).toBe('');
		expect(lines.at(-2)).toBe('9 level files checked: 23 problems in 9 files');
		expect(lines.slice(0, -2)).toEqual([
			'test/fixtures/levels/broken/already-solved.json:16:13: the start network already meets every goal: the player would have nothing to do (at /network)',
			'test/fixtures/levels/broken/bad-schema.json:1:1: missing required field "title" (a string) (at /title)',
			'test/fixtures/levels/broken/bad-schema.json:3:8: expected a name of letters, digits, "-", "_" or "." (at most 63) (at /id)',
			'test/fixtures/levels/broken/bad-schema.json:7:3: expected one of "client-server", "ip", "dns", "ports", "port-mapping", "subnets", "routing", "firewall", "nat", "vpc", "internet-gateway", "nat-gateway", "route-table", "security-group", "nacl", "containers", got "dnss" (did you mean "dns"?) (at /concepts/1)',
			'test/fixtures/levels/broken/bad-schema.json:24:13: expected an IPv4 address like 203.0.113.10 (four decimal numbers 0–255) (at /network/hosts/0/interfaces/0/ip)',
			'test/fixtures/levels/broken/bad-schema.json:31:15: unknown field "prot" (did you mean "port"?); it is ignored (at /network/hosts/0/apps/0/prot)',
			'test/fixtures/levels/broken/bad-schema.json:37:13: expected one of "server", "client", "instance", "router", "nat", got "laptop" (at /network/hosts/1/kind)',
			'test/fixtures/levels/broken/bad-schema.json:55:12: expected "kind" to be one of "reach", "blocked", "only", "state", got "rech" (did you mean "reach"?) (at /goals/0/kind)',
			'test/fixtures/levels/broken/bad-schema.json:80:13: must be at most 65535, got 70000 (at /goals/2/flow/port)',
			'test/fixtures/levels/broken/bad-schema.json:84:11: needs at least 1 item (at /hints)',
			'test/fixtures/levels/broken/future-version.json:2:19: formatVersion 2 is newer than this netquest reads (1); update netquest (at /formatVersion)',
			'test/fixtures/levels/broken/proto.json:2:15: unknown field "__proto__"; it is ignored (at /__proto__)',
			'test/fixtures/levels/broken/proto.json:20:18: unknown field "__proto__"; it is ignored (at /network/hosts/0/__proto__)',
			'test/fixtures/levels/broken/solution-apply.json:91:3: solution line "dns add www.travelbuddy.com A 203.0.113.10" fails: www.travelbuddy.com already points at 203.0.113.10 (at /solution/1)',
			`test/fixtures/levels/broken/solution-parse.json:90:3: solution line "dns ad www.travelbuddy.com A 203.0.113.10" fails: 'dns' has no 'ad' — did you mean 'dns add'? (dns: add, remove) (at /solution/0)`,
			'test/fixtures/levels/broken/solution-unsolved.json:89:14: the solution does not solve the level: goal "by-name" fails with NO_ROUTE: No one on the internet answers at 203.0.113.99. (at /solution)',
			'test/fixtures/levels/broken/solution-unsolved.json:89:14: the solution does not solve the level: goal "resolves" fails: www.travelbuddy.com resolves to 203.0.113.99, not 203.0.113.10. (at /solution)',
			'test/fixtures/levels/broken/syntax.json:6:2: JSON syntax error: expected "," between two items',
			'test/fixtures/levels/broken/syntax.json:89:2: JSON syntax error: expected a value (JSON allows no trailing comma before "]")',
			"test/fixtures/levels/broken/unknown-ref.json:60:17: route table rt-lan: the route for 0.0.0.0/0 cannot go there: 'nat-2' does not exist; a target is local, blackhole, a router or NAT device (or its address), an internet gateway or a NAT gateway (at /network/routeTables/0/routes/0/target)",
			'test/fixtures/levels/broken/unknown-ref.json:68:3: "dns remov" is not a configuration command (did you mean "dns remove"?) (at /commands/1)',
			'test/fixtures/levels/broken/unknown-ref.json:76:13: goal "by-name" names the host "lapton", which does not exist (did you mean "laptop"?) (at /goals/0/flow/from)',
			'test/fixtures/levels/broken/unknown-ref.json:107:15: goal "lan-private" names the subnet "office", which does not exist (at /goals/3/state/subnet)',
		]);
	});

	it('reports a level id used in two packs', async () => {
		const result = await run(['validate', 'test/fixtures/levels/good', 'test/fixtures/levels/dup']);
		expect(result).toEqual({
			code: 1,
			stdout:
				'test/fixtures/levels/dup/copy-of-dns.json:3:8: level id "fixture-dns" is also used by test/fixtures/levels/good/01-dns.json (at /id)\n' +
				'3 level files checked: 1 problem in 1 file\n',
			stderr: '',
		});
	});

	it('refuses huge, non-UTF-8 and deeply nested files, and files with escape sequences print nothing harmful', async () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'huge.json'), Buffer.alloc(MAX_LEVEL_FILE_BYTES + 1, 0x20));
		fs.writeFileSync(path.join(dir, 'latin1.json'), Buffer.from('{"title": "Caf\xe9"}', 'latin1'));
		fs.writeFileSync(path.join(dir, 'deep.json'), '['.repeat(1_000_000));
		fs.writeFileSync(path.join(dir, 'evil\u001b[2J.json'), '{"formatVersion": 1, "id": "x\u001b]0;pwned\u0007"}');
		const result = await run(['validate', dir], {cwd: dir});
		expect(result.code).toBe(1);
		expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/u);
		expect(result.stdout.split('\n').filter((line) => !line.startsWith('evil'))).toEqual([
			'deep.json:1:65: JSON nests deeper than 64 levels; refusing to read it',
			'huge.json:1:1: file is 5.0 MB; a level file may be at most 5 MB',
			'latin1.json:1:15: file is not UTF-8 text (invalid byte 0xE9); save it as UTF-8',
			'4 level files checked: 4 problems in 4 files',
			'',
		]);
		expect(result.stdout).toContain('evil.json:1:28: JSON syntax error: a control character inside a string must be escaped');
	});

	it.each([
		[[], 'netquest validate: give at least one level file or folder\nUsage: netquest validate <file|dir>...\n'],
		[['test/fixtures/levels/good', 'nope.json'], 'netquest validate: no such file or folder: nope.json\n'],
		[['test/cli'], 'netquest validate: no level files (*.json) in test/cli\n'],
	])('%j is a usage error (exit 2)', async (args, stderr) => {
		expect(await run(['validate', ...args])).toEqual({code: 2, stdout: '', stderr});
	});

	it('shows files outside the working directory with their absolute path', async () => {
		const result = await run(['validate', path.join(FIXTURES, 'broken', 'syntax.json')], {cwd: tempDir()});
		expect(result.stdout.split('\n')[0]).toBe(`${path.join(FIXTURES, 'broken', 'syntax.json')}:6:2: JSON syntax error: expected "," between two items`);
	});
});
