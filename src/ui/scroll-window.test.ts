import {describe, expect, it} from 'vitest';
import {windowAround, windowFromEnd} from './scroll-window.js';

describe('windowAround', () => {
	it.each([
		[5, 2, 10, {start: 0, end: 5}],
		[100, 0, 10, {start: 0, end: 10}],
		[100, 50, 10, {start: 45, end: 55}],
		[100, 99, 10, {start: 90, end: 100}],
		[100, 500, 10, {start: 90, end: 100}],
		[100, 5, 0, {start: 0, end: 0}],
	])('%i rows, cursor %i, height %i', (total, cursor, height, window) => {
		expect(windowAround(total, cursor, height)).toEqual(window);
	});
});

describe('windowFromEnd', () => {
	it('follows the end, scrolls back, and clamps the offset', () => {
		expect(windowFromEnd(50, 0, 10)).toEqual({start: 40, end: 50, offset: 0});
		expect(windowFromEnd(50, 5, 10)).toEqual({start: 35, end: 45, offset: 5});
		expect(windowFromEnd(50, 500, 10)).toEqual({start: 0, end: 10, offset: 40});
		expect(windowFromEnd(3, 2, 10)).toEqual({start: 0, end: 3, offset: 0});
	});
});
