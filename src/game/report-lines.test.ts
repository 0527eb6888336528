import {describe, expect, it} from 'vitest';
import type {GoalResult, GradeReport} from '../engine/goal.js';
import {firstFailing, goalChangeLines, goalResultLines, portSpanText, reportLines} from './report-lines.js';

const goal = (id: string, passed: boolean, extra: Partial<GoalResult> = {}): GoalResult => ({
	id,
	kind: 'reach',
	description: `goal ${id}`,
	passed,
	message: passed ? 'Delivered.' : 'Dropped.',
	...extra,
});
const report = (...goals: GoalResult[]): GradeReport => ({solved: goals.every((g) => g.passed), goals, exposure: {total: 0, byHost: {}}});

describe('report lines', () => {
	it('writes single ports and runs', () => {
		expect(portSpanText({protocol: 'tcp', port: 443})).toBe('tcp 443');
		expect(portSpanText({protocol: 'udp', port: 1024, to: 65535})).toBe('udp 1024-65535');
		expect(portSpanText({protocol: 'tcp', port: 80, to: 80})).toBe('tcp 80');
	});

	it('marks each goal and says why a failure fails in plain words first, the outcome code second', () => {
		expect(reportLines(report(goal('a', true, {code: 'DELIVERED'}), goal('b', false, {code: 'NO_ROUTE'})))).toEqual([
			'Goals: 1 of 2 passing',
			'✓ goal a — Delivered.',
			'✗ goal b — It does not get through yet: no route says where to send it. (NO_ROUTE: Dropped.)',
		]);
	});

	it('lists wrong ports of an only goal unless the message already does', () => {
		const extra = [{protocol: 'tcp' as const, port: 22}];
		const missing = [{protocol: 'tcp' as const, port: 443}];
		expect(goalResultLines(goal('o', false, {kind: 'only', extra, missing}))).toEqual([
			'✗ goal o — Too open: traffic still gets to tcp 22. Too closed: tcp 443 should work but does not. (Dropped.)',
			'    reachable but should not be: tcp 22',
			'    required but not reachable: tcp 443',
		]);
		expect(goalResultLines(goal('o', false, {kind: 'only', extra, message: 'tcp 22 is open.'}))).toEqual(['✗ goal o — Too open: traffic still gets to tcp 22. (tcp 22 is open.)']);
	});

	it('says which goals flipped', () => {
		const before = report(goal('a', false), goal('b', true), goal('c', true));
		const after = report(goal('a', true), goal('b', false, {code: 'BLACKHOLE'}), goal('c', true));
		expect(goalChangeLines(before, after)).toEqual(['✓ now passes: goal a', '✗ now fails: goal b — It does not get through yet: a route throws it away on purpose (blackhole). (BLACKHOLE: Dropped.)']);
		expect(firstFailing(after)?.id).toBe('b');
		expect(firstFailing(before)?.id).toBe('a');
	});
});
