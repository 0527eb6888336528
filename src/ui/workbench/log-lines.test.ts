import {describe, expect, it} from 'vitest';
import type {LogEntry} from '../../game/types.js';
import {lineText} from '../text/styled-line.js';
import {fixtureTrace} from '../test-helpers/fixtures.js';
import {caretLines, entryLines, logLines} from './log-lines.js';

describe('the output log', () => {
	it('puts a caret under the offending token of an error', () => {
		const entry: LogEntry = {kind: 'error', lines: ["no subnet named 'dbb' — did you mean 'db'?"], error: {text: 'host move web dbb', start: 14, end: 17}};
		const lines = entryLines(entry, 80);
		expect(lines.map(lineText)).toEqual(['  host move web dbb', '                ^^^', "no subnet named 'dbb' — did you mean 'db'?"]);
		expect(lines[0]!.find((part) => part.text === 'dbb')?.tone).toBe('bad');
	});

	it('does not echo a typed line that the error below draws with its caret', () => {
		const error: LogEntry = {kind: 'error', lines: ['unknown command'], error: {text: 'rout add', start: 0, end: 4}};
		expect(logLines([{kind: 'input', lines: ['rout add']}, error], 80).map(lineText)).toEqual(['  rout add', '  ^^^^', 'unknown command']);
		expect(logLines([{kind: 'input', lines: ['rout add']}, error], 8).map(lineText)[0]).toBe('› rout');
	});

	it('points a caret past the end when the token is missing', () => {
		expect(caretLines('dns add', 7, 7).map(lineText)).toEqual(['  dns add ', '         ^']);
	});

	it('shows a change with its real-world equivalent', () => {
		const entry: LogEntry = {kind: 'change', lines: ['Added route 0.0.0.0/0 → igw-1'], realWorld: ['aws ec2 create-route --route-table-id rt-public --destination-cidr-block 0.0.0.0/0 --gateway-id igw-1']};
		const lines = entryLines(entry, 60).map(lineText);
		expect(lines[0]).toBe('Added route 0.0.0.0/0 → igw-1');
		expect(lines[1]).toBe('  real world: aws ec2 create-route --route-table-id');
		expect(lines.slice(2).every((line) => line.startsWith('    '))).toBe(true);
	});

	it('says how to open only the newest trace', () => {
		const traced: LogEntry = {kind: 'output', lines: ['trace'], trace: fixtureTrace()};
		const lines = logLines([{kind: 'input', lines: ['curl a']}, traced, {kind: 'input', lines: ['curl b']}, traced], 80).map(lineText);
		expect(lines).toEqual(['› curl a', 'trace', '› curl b', 'trace', '  Ctrl+T: step through this trace hop by hop']);
	});
});
