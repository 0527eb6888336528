import {describe, expect, it} from 'vitest';
import {helpLines} from './help-lines.js';
import {lineText} from './text/styled-line.js';

describe('helpLines', () => {
	it('lists the keys of the current screen first, then the commands and every outcome code', () => {
		const lines = helpLines('trace', ['Commands — the list', 'dns add   Add a record'], 80).map(lineText);
		expect(lines[2]).toBe('Keys: Trace view');
		expect(lines.indexOf('Keys: Workbench')).toBeGreaterThan(lines.indexOf('Keys: Trace view'));
		expect(lines).toContain('Commands — the list');
		expect(lines).toContain('dns add   Add a record');
		expect(lines.some((line) => line.startsWith('  REPLY_DENIED_BY_NACL the request passed'))).toBe(true);
	});
});
