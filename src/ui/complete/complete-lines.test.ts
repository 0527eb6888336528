import {describe, expect, it} from 'vitest';
import type {StarReport} from '../../game/types.js';
import {lineText} from '../text/styled-line.js';
import {completeLines} from './complete-lines.js';

const perfect: StarReport = {stars: 3, withinPar: true, noHints: true, leastPrivilege: true, commands: 2, par: 2, hintsUsed: 0, exposure: 1, referenceExposure: 1};

describe('completeLines', () => {
	it('gives the stars with the reason for each, the real-world commands and the next level', () => {
		const lines = completeLines({
			title: 'Open the website',
			report: perfect,
			steps: [{command: 'firewall insert web input 1 allow tcp 443', realWorld: ['iptables -I INPUT 1 -p tcp --dport 443 -j ACCEPT']}],
			next: 'Subnets',
			width: 80,
		}).map(lineText);
		expect(lines.slice(0, 2)).toEqual(['Level complete: Open the website', '★★★  3 of 3 stars']);
		expect(lines).toContain(' ✓ Within par: 2 commands (par 2)');
		expect(lines).toContain(' ✓ No hints revealed');
		expect(lines).toContain(' ✓ Least privilege: no more open to the internet than the reference');
		expect(lines).toContain(' › firewall insert web input 1 allow tcp 443');
		expect(lines).toContain('   $ iptables -I INPUT 1 -p tcp --dport 443 -j ACCEPT');
		expect(lines.at(-1)).toBe('Next: Subnets');
	});

	it('says why a star was missed', () => {
		const lines = completeLines({title: 't', report: {...perfect, stars: 1, withinPar: false, commands: 5, noHints: false, hintsUsed: 2, leastPrivilege: false, exposure: 4}, steps: [], width: 200}).map(lineText);
		expect(lines).toContain(' ✗ 5 commands: par is 2 — try a shorter solution');
		expect(lines).toContain(' ✗ 2 hints revealed');
		expect(lines).toContain(' ✗ 3 ports more open to the internet than the reference solution needs — close what is not needed');
		expect(lines.at(-1)).toBe('That was the last level — well done.');
	});
});
