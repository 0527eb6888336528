import {describe, expect, it} from 'vitest';
import {lineText} from '../text/styled-line.js';
import {fixtureReport} from '../test-helpers/fixtures.js';
import {goalLines, goalSummaryLine} from './goal-lines.js';

const goals = fixtureReport(false).goals;

describe('goalLines', () => {
	it('marks each goal ✓ or ✗ and explains the failing ones while room lasts, plain words before the code', () => {
		const lines = goalLines(goals, 60, 10).map(lineText);
		expect(lines[0]).toBe('Goals 2/3  Ctrl+G pick');
		expect(lines[1]).toBe(' ✗ A customer reaches the website');
		expect(lines[2]).toBe('   It does not get through yet: a machine’s own firewall');
		expect(lines[3]).toBe('   drops it. (DENIED_BY_HOST_FIREWALL: web\'s firewall input');
		expect(lines).toContain(' ✓ SSH stays closed');
		expect(lines).toContain(' ✓ travelbuddy.com resolves');
	});

	it('drops the explanations first when room is short', () => {
		expect(goalLines(goals, 60, 4).map(lineText)).toEqual(['Goals 2/3  Ctrl+G pick', ' ✗ A customer reaches the website', ' ✓ SSH stays closed', ' ✓ travelbuddy.com resolves']);
	});

	it('says how many goals do not fit, and how many of those fail', () => {
		expect(goalLines(goals, 60, 3).map(lineText)).toEqual(['Goals 2/3  Ctrl+G pick', ' ✗ A customer reaches the website', '  … 2 more · Ctrl+G']);
		const reversed = [...goals].reverse();
		expect(goalLines(reversed, 60, 3).map(lineText).at(-1)).toBe('  … 2 more, 1 failing · Ctrl+G');
	});

	it('marks the picked goal and keeps it in view', () => {
		const lines = goalLines(goals, 60, 3, {cursor: 2}).map(lineText);
		expect(lines).toEqual(['Goals 2/3  ↑/↓ Enter trace · Esc', ' ✓ SSH stays closed', '›✓ travelbuddy.com resolves']);
	});

	it('shows the picked goal whole, with why it fails, in a narrow panel', () => {
		const lines = goalLines(goals, 24, 6, {cursor: 0}).map(lineText);
		expect(lines.slice(1, 4)).toEqual(['›✗ A customer reaches', '   the website', '   It does not get']);
		expect(lines).toHaveLength(6);
		expect(lines.slice(4)).toEqual([' ✓ SSH stays closed', ' ✓ travelbuddy.com reso…']);
	});

	it('shows the latest hint below the goals when there is room', () => {
		const lines = goalLines(goals, 60, 7, {hint: 'Hint 2 of 3: Allow tcp 443.'}).map(lineText);
		expect(lines).toEqual([
			'Goals 2/3  Ctrl+G pick',
			' ✗ A customer reaches the website',
			'   It does not get through yet: a machine’s own firewall …',
			' ✓ SSH stays closed',
			' ✓ travelbuddy.com resolves',
			'',
			'Hint 2 of 3: Allow tcp 443.',
		]);
		expect(goalLines(goals, 60, 4, {hint: 'Hint 1'}).map(lineText)).not.toContain('Hint 1');
		expect(goalLines(goals, 20, 9, {hint: 'Stuck? Type hint for a nudge.', hintTone: 'dim'}).map(lineText)).not.toContain('Stuck? Type hint for');
		expect(goalLines(goals, 20, 10, {hint: 'Stuck? Type hint for a nudge.', hintTone: 'dim'}).map(lineText).slice(-2)).toEqual(['Stuck? Type hint for', '  a nudge.']);
	});

	it('wraps long goal descriptions in a narrow panel when there is room', () => {
		const lines = goalLines(goals, 24, 8).map(lineText);
		expect(lines.slice(1, 3)).toEqual([' ✗ A customer reaches', '   the website']);
	});

	it('says passed and failing in words for screen readers', () => {
		const lines = goalLines(goals, 60, 4, {style: 'words'}).map(lineText);
		expect(lines[1]).toBe(' failing: A customer reaches the website');
		expect(lines[2]).toBe(' passed: SSH stays closed');
	});

	it('sums up in one line for small windows', () => {
		expect(lineText(goalSummaryLine(goals, 80))).toBe('Goals 2/3 ✗ A customer reaches the website');
		expect(lineText(goalSummaryLine(fixtureReport(true).goals, 80))).toBe('Goals 3/3 ✓ all passing');
	});
});
