import {describe, expect, it} from 'vitest';
import {helpLines} from './help-lines.js';
import {lineText} from './text/styled-line.js';

describe('helpLines', () => {
	const table = ['Commands — the list', '', 'Change the network:', '  dns add     Add a record', '  dns remove  Remove one', '', 'Session:', '  undo   Take back', '  map    Draw it'];

	it('lists the keys of the current screen, the commands by name, and on the trace view every outcome code', () => {
		const lines = helpLines('trace', table, 80).map(lineText);
		expect(lines[2]).toBe('Keys: Trace view');
		expect(lines).not.toContain('Keys: Workbench');
		expect(lines).toContain('  Change the network: dns add, remove');
		expect(lines).toContain('  Session: undo · map');
		expect(lines.some((line) => line.startsWith('  REPLY_DENIED_BY_NACL the request passed'))).toBe(true);
	});

	it('fits the workbench help with the whole command table in two pages of 80×24', async () => {
		const {helpFor} = await import('../commands/index.js');
		const lines = helpLines('workbench', helpFor(), 80);
		expect(lines.length).toBeLessThanOrEqual(2 * 22);
		expect(lines.map(lineText).join('\n')).toMatch(/Ctrl\+O/);
	});
});
