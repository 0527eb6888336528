import {describe, expect, it} from 'vitest';
import {sessionReducer, startSession} from '../../game/session.js';
import {lineText} from '../text/styled-line.js';
import {fixtureLevel} from '../test-helpers/fixtures.js';
import {headerLine} from './header-line.js';

describe('headerLine', () => {
	it('says solved only while the network solves the level, and "solved earlier" after an undo', () => {
		const level = fixtureLevel();
		const start = startSession(level);
		expect(lineText(headerLine(start, 100, false))).toMatch(/commands 0 · par \d+ · hints 0\/3$/);
		const solved = level.solution.reduce((state, text) => sessionReducer(state, {type: 'submit', text}), start);
		expect(solved.report.solved).toBe(true);
		expect(lineText(headerLine(solved, 100, false))).toMatch(/ · solved$/);
		const undone = sessionReducer(solved, {type: 'undo'});
		expect(undone.report.solved).toBe(false);
		expect(lineText(headerLine(undone, 100, false))).toMatch(/ · solved earlier$/);
	});
});
