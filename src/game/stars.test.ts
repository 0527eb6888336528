import {describe, expect, it} from 'vitest';
import {computeStars, starGlyphs, starLines} from './stars.js';

describe('computeStars', () => {
	const reference = {commands: 2, par: 2, hintsUsed: 0, exposure: 1, referenceExposure: 1};

	it.each([
		['the reference solution, no hints', reference, 3],
		['fewer commands than par', {...reference, commands: 1}, 3],
		['over par', {...reference, commands: 3}, 2],
		['one hint', {...reference, hintsUsed: 1}, 2],
		['more exposure than the reference', {...reference, exposure: 2}, 2],
		['less exposure than the reference', {...reference, exposure: 0}, 3],
		['over par and a hint', {...reference, commands: 5, hintsUsed: 2}, 1],
		['over par and too open', {...reference, commands: 5, exposure: 9}, 1],
		['not solved', {...reference, solved: false}, 0],
	])('%s', (_name, input, stars) => {
		expect(computeStars(input).stars).toBe(stars);
	});

	it('reports each reason and the figures', () => {
		expect(computeStars({commands: 4, par: 3, hintsUsed: 1, exposure: 2, referenceExposure: 1})).toEqual({
			stars: 1,
			withinPar: false,
			noHints: false,
			leastPrivilege: false,
			commands: 4,
			par: 3,
			hintsUsed: 1,
			exposure: 2,
			referenceExposure: 1,
		});
	});
});

describe('star text', () => {
	it('draws earned and missing stars', () => {
		expect([0, 1, 2, 3].map(starGlyphs)).toEqual(['☆☆☆', '★☆☆', '★★☆', '★★★']);
	});

	it('explains each star', () => {
		const lines = starLines(computeStars({commands: 3, par: 2, hintsUsed: 0, exposure: 1, referenceExposure: 1}));
		expect(lines).toEqual([
			'★★☆  2 of 3 stars',
			'✓ solved: every goal passes',
			'✗ within par: 3 configuration commands (par 2)',
			'✓ no hints and least privilege: no hints; no more open to the internet than the reference',
		]);
	});

	it('says how many ports more than needed are open', () => {
		const lines = starLines(computeStars({commands: 2, par: 2, hintsUsed: 2, exposure: 4, referenceExposure: 2}));
		expect(lines.at(-1)).toBe('✗ no hints and least privilege: 2 hints revealed; 2 ports more open to the internet than the reference needs');
	});
});
