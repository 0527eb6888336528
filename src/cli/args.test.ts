import {describe, expect, it} from 'vitest';
import {parseCliArgs} from './args.js';

describe('parseCliArgs', () => {
	it('takes flags anywhere, repeatable --levels in order', () => {
		expect(parseCliArgs(['--levels', 'a', 'check', 'lvl', '--levels=b', 'sol.txt', '--json', '--data-dir', 'd', '--no-color'])).toEqual({
			ok: true,
			command: 'check',
			args: ['lvl', 'sol.txt'],
			options: {levels: ['a', 'b'], dataDir: 'd', noColor: true, json: true, help: false, version: false},
		});
	});

	it('has no command when none is given (play)', () => {
		expect(parseCliArgs([])).toEqual({ok: true, args: [], options: {levels: [], noColor: false, json: false, help: false, version: false}});
		expect(parseCliArgs(['-v'])).toMatchObject({ok: true, options: {version: true}});
		expect(parseCliArgs(['-h'])).toMatchObject({ok: true, options: {help: true}});
	});

	it('passes arguments after -- through untouched', () => {
		expect(parseCliArgs(['check', '--', '--json'])).toMatchObject({ok: true, args: ['--json'], options: {json: false}});
	});

	it.each([
		[['valdate'], undefined, 'unknown command "valdate" (did you mean "validate"?)'],
		[['frobnicate'], undefined, 'unknown command "frobnicate"'],
		[['check', '--jsn'], 'check', 'unknown flag --jsn (did you mean "--json"?)'],
		[['levels', '--level', 'x'], 'levels', 'unknown flag --level (did you mean "--levels"?)'],
		[['validate', '--json'], 'validate', 'unknown flag --json'],
		[['--json'], undefined, 'unknown flag --json'],
		[['-x'], undefined, 'unknown flag -x'],
		[['validate', 'a', '--levels'], 'validate', '--levels needs a folder: --levels <dir>'],
		[['check', '--levels', '--json'], 'check', '--levels needs a folder: --levels <dir>'],
		[['levels', '--json=yes'], 'levels', '--json takes no value'],
	])('%j is a usage error', (argv, command, message) => {
		expect(parseCliArgs(argv)).toEqual({ok: false, ...(command ? {command} : {}), message});
	});
});
