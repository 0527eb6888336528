import {describe, expect, it} from 'vitest';
import {campaignSummary, levelStatus, nextLevel, type CampaignProgress} from './campaign.js';

const catalog = ['01-dns', '02-ports', '03-subnets'];

describe('nextLevel', () => {
	it.each<[string, CampaignProgress, string | undefined]>([
		['nothing played: the first level', {}, '01-dns'],
		['the first solved: the second', {'01-dns': {solved: true, stars: 3}}, '02-ports'],
		['a gap: the first unsolved in order', {'01-dns': {solved: true, stars: 1}, '03-subnets': {solved: true, stars: 2}}, '02-ports'],
		['started but not solved counts as unsolved', {'01-dns': {solved: false, stars: 0, draft: ['x']}}, '01-dns'],
		[
			'everything solved: none',
			{'01-dns': {solved: true, stars: 1}, '02-ports': {solved: true, stars: 1}, '03-subnets': {solved: true, stars: 1}},
			undefined,
		],
	])('%s', (_name, progress, expected) => {
		expect(nextLevel(catalog, progress)).toBe(expected);
	});

	it('does not mistake Object.prototype for progress', () => {
		expect(nextLevel(['toString', 'constructor'], {})).toBe('toString');
	});
});

describe('levelStatus', () => {
	it.each<[CampaignProgress, string]>([
		[{}, 'new'],
		[{a: {solved: false, stars: 0, draft: []}}, 'new'],
		[{a: {solved: false, stars: 0, draft: ['dns add x A 1.2.3.4']}}, 'started'],
		[{a: {solved: true, stars: 2, draft: ['x']}}, 'solved'],
	])('%j is %s', (progress, status) => {
		expect(levelStatus('a', progress)).toBe(status);
	});
});

describe('campaignSummary', () => {
	it('counts solved levels and stars of the catalog only', () => {
		const progress: CampaignProgress = {
			'01-dns': {solved: true, stars: 3},
			'02-ports': {solved: false, stars: 0, draft: ['x']},
			'old-level': {solved: true, stars: 3},
		};
		expect(campaignSummary(catalog, progress)).toEqual({total: 3, solved: 1, stars: 3, maxStars: 9, complete: false, next: '02-ports'});
	});

	it('is complete when every catalog level is solved, and not for an empty catalog', () => {
		const all: CampaignProgress = {a: {solved: true, stars: 2}, b: {solved: true, stars: 1}};
		expect(campaignSummary(['a', 'b'], all)).toEqual({total: 2, solved: 2, stars: 3, maxStars: 6, complete: true});
		expect(campaignSummary([], all)).toEqual({total: 0, solved: 0, stars: 0, maxStars: 0, complete: false});
	});
});
