import {describe, expect, it} from 'vitest';
import {lineText} from '../text/styled-line.js';
import {fixtureLevel} from '../test-helpers/fixtures.js';
import {briefingLines} from './briefing-lines.js';

const fresh = {draftCommands: 0, hintsUsed: 0, resuming: false, sandbox: false};

describe('briefingLines', () => {
	it('tells the story, the question and answer, the task and the goals', () => {
		const lines = briefingLines(fixtureLevel({simplifications: ['One firewall only.']}), fresh, 80).map(lineText);
		expect(lines[0]).toBe('Open the website · 1 · One server');
		expect(lines).toContain('Customers cannot reach TravelBuddy.');
		expect(lines).toContain('Q: What does a firewall do?');
		expect(lines).toContain('A: It lets through only the traffic its rules allow.');
		expect(lines).toContain('Your task: Let customers reach the website on port 443, and nothing else.');
		expect(lines).toContain(' • SSH stays closed');
		expect(lines).toContain(' – One firewall only.');
	});

	it('says what saved work comes back', () => {
		expect(briefingLines(fixtureLevel(), {...fresh, draftCommands: 2, hintsUsed: 1}, 80).map(lineText).slice(2, 4)).toEqual([
			'Your saved work (2 commands) will be restored.',
			'Hints revealed so far: 1 of 3.',
		]);
		expect(briefingLines(fixtureLevel(), {...fresh, resuming: true}, 80).map(lineText)[2]).toBe('This level is open: Enter goes back to your workbench.');
		expect(briefingLines(fixtureLevel(), fresh, 80).map(lineText)[2]).toBe('');
	});
});
