import {describe, expect, it} from 'vitest';
import type {Goal, GoalResult} from '../engine/goal.js';
import {explainGoalLines, plainReason, reasonText} from './plain-reason.js';

const result = (extra: Partial<GoalResult>): GoalResult => ({id: 'g', kind: 'blocked', description: 'the goal', passed: false, message: 'Engine sentence.', ...extra});

describe('plain reasons', () => {
	it('says a blocked goal refused at the server is not blocked, and what the goal wanted, before the code', () => {
		const goal: Goal = {id: 'g', kind: 'blocked', description: 'the goal', flow: {from: 'a', toHost: 'b', port: 1, protocol: 'tcp'}, codes: ['NAT_NO_INBOUND']};
		const text = reasonText(result({code: 'CONNECTION_REFUSED'}), goal);
		expect(text).toMatch(/^It still gets in, only nothing listens on that port — that is not the same as being blocked\. This goal wants it stopped because NAT lets only answers in/);
		expect(text).toMatch(/\(CONNECTION_REFUSED: Engine sentence\.\)$/);
	});

	it('says a delivered blocked goal still gets through, and a reach goal what stopped it', () => {
		expect(plainReason(result({code: 'DELIVERED'}))).toBe('It still gets through: nothing on the way stops it.');
		expect(plainReason(result({kind: 'reach', code: 'REPLY_DENIED_BY_NACL'}))).toMatch(/a network ACL drops the answer/);
	});

	it('says an only goal is too open even where the counterexample is only refused', () => {
		const text = plainReason(result({kind: 'only', code: 'CONNECTION_REFUSED', extra: [{protocol: 'tcp', port: 1, to: 3305}]}));
		expect(text).toBe('Too open: traffic still gets to tcp 1-3305 — refused only because nothing listens there, which is not closed.');
		expect(plainReason(result({kind: 'only', code: 'DENIED_BY_SECURITY_GROUP', missing: [{protocol: 'tcp', port: 443}]}))).toBe('Too closed: tcp 443 should work but does not.');
	});

	it('explains a state goal: what it checks and why it fails', () => {
		const goal: Goal = {id: 'g', kind: 'state', description: 'db is private', state: {check: 'subnet-private', subnet: 'db'}};
		const lines = explainGoalLines(result({kind: 'state', message: 'subnet db is not private.'}), goal);
		expect(lines[0]).toBe('✗ the goal');
		expect(lines[1]).toMatch(/What it checks: Subnet db must be private/);
		expect(lines[2]).toBe('  Why it fails: subnet db is not private.');
	});
});
