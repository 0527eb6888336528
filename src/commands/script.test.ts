import {describe, expect, it} from 'vitest';
import {countConfigCommands, runScript} from './index.js';
import {frozenDemo} from './test-support.js';

describe('runScript', () => {
	it('runs configuration lines in order, skipping blanks, comments, inspection and session lines', () => {
		const script = [
			'# give web a public address',
			'',
			'host public-ip web 203.0.113.10   # the elastic IP',
			'show hosts',
			'dig travelbuddy.com',
			'hint',
			'  ',
			'dns add www.travelbuddy.com CNAME travelbuddy.com\r',
		].join('\n');
		const result = runScript(frozenDemo(), script);
		expect(result).toMatchObject({
			ok: true,
			configCount: 2,
			lines: [
				{line: 3, text: 'host public-ip web 203.0.113.10   # the elastic IP'},
				{line: 8, text: 'dns add www.travelbuddy.com CNAME travelbuddy.com'},
			],
		});
		if (!result.ok) return;
		expect(result.network.hosts[0]!.publicIp).toBe('203.0.113.10');
		expect(result.network.dns).toHaveLength(3);
	});

	it('stops at the first error with its line number, returning the network before that line', () => {
		const result = runScript(frozenDemo(), ['host public-ip web 203.0.113.10', '# next one is wrong', 'route add rt-private 0.0.0.0/0 nat-9', 'dns remove travelbuddy.com'].join('\n'));
		expect(result).toMatchObject({ok: false, line: 3, text: 'route add rt-private 0.0.0.0/0 nat-9', error: {message: expect.stringMatching(/did you mean 'nat-1'/)}});
		if (result.ok) return;
		expect(result.network.hosts[0]!.publicIp).toBe('203.0.113.10');
		expect(result.network.dns).toHaveLength(2);
	});

	it('refuses undo and reset in a script', () => {
		expect(runScript(frozenDemo(), 'host public-ip web 203.0.113.10\nundo')).toMatchObject({ok: false, line: 2, error: {message: expect.stringMatching(/undo cannot be used in a script/)}});
		expect(runScript(frozenDemo(), 'reset')).toMatchObject({ok: false, line: 1});
	});

	it('refuses commands the level does not allow, by line', () => {
		expect(runScript(frozenDemo(), 'dns remove old.travelbuddy.com\nsubnet delete spare', {allowed: ['dns']})).toMatchObject({
			ok: false,
			line: 2,
			error: {message: expect.stringMatching(/subnet delete is not available in this level/)},
		});
	});

	it('reports an engine refusal with the line', () => {
		expect(runScript(frozenDemo(), 'subnet create db 10.0.2.0/25 --vpc main')).toMatchObject({ok: false, line: 1, error: {message: expect.stringMatching(/overlaps subnet app/)}});
	});

	it('accepts an empty script', () => {
		expect(runScript(frozenDemo(), '')).toMatchObject({ok: true, configCount: 0, lines: []});
	});
});

describe('countConfigCommands', () => {
	it('counts configuration commands only', () => {
		expect(
			countConfigCommands(['# comment', '', 'host public-ip web 203.0.113.10', 'show', 'curl laptop http://travelbuddy.com/', 'undo', 'dns add a.travelbuddy.com A 203.0.113.9', 'route add t 0.0.0.0/0 x']),
		).toBe(3);
	});

	it('does not count unknown words and splits lines given together', () => {
		expect(countConfigCommands(['nonsense here', 'vpc create v 10.0.0.0/16\nigw create i\n# c'])).toBe(2);
	});
});
