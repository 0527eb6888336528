import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {frameRows, layoutMode, workbenchGeometry} from './layout.js';

describe('layoutMode', () => {
	it.each([
		[{columns: 80, rows: 24}, false, 'compact'],
		[{columns: 120, rows: 40}, false, 'wide'],
		[{columns: 40, rows: 10}, false, 'tiny'],
		[{columns: 200, rows: 12}, false, 'tiny'],
		[{columns: 120, rows: 40}, true, 'linear'],
	] as const)('%j (screen reader %s) → %s', (size, reader, mode) => {
		expect(layoutMode(size, reader)).toBe(mode);
	});
});

describe('workbenchGeometry', () => {
	it('gives the 80×24 layout a network, goals and a log that fill the frame', () => {
		const g = workbenchGeometry({columns: 80, rows: 24}, 'compact');
		expect(g.header + g.top + g.goalSummary + g.log + g.prompt + g.footer).toBe(23);
		expect(g.networkWidth + 1 + g.goalsWidth).toBe(80);
		expect(g.top).toBeGreaterThanOrEqual(9);
		expect(g.log).toBeGreaterThanOrEqual(9);
	});

	it('uses the extra room of a big terminal', () => {
		const small = workbenchGeometry({columns: 80, rows: 24}, 'compact');
		const big = workbenchGeometry({columns: 120, rows: 40}, 'wide');
		expect(big.top).toBeGreaterThan(small.top);
		expect(big.log).toBeGreaterThan(small.log);
		expect(big.networkWidth).toBeGreaterThan(small.networkWidth);
	});

	it('never exceeds the frame or goes negative, whatever the size (property)', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 300}), fc.integer({min: 1, max: 120}), (columns, rows) => {
				const size = {columns, rows};
				const g = workbenchGeometry(size, layoutMode(size));
				const used = g.header + g.top + g.goalSummary + g.log + g.prompt + g.footer;
				expect(used).toBeLessThanOrEqual(Math.max(frameRows(size), 2));
				for (const value of [g.header, g.top, g.goalSummary, g.log, g.networkWidth, g.goalsWidth]) expect(value).toBeGreaterThanOrEqual(0);
				if (g.top > 0) expect(g.networkWidth + 1 + g.goalsWidth).toBe(g.width);
			}),
		);
	});
});
