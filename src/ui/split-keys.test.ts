import {describe, expect, it} from 'vitest';
import {isCompoundChunk, splitChunk} from './split-keys.js';

const plain = splitChunk('x')[0]!.key;

describe('splitChunk', () => {
	it('splits text, Enter and Ctrl keys typed in one burst into key presses', () => {
		const presses = splitChunk('\u0015dns add x\rdig x\r');
		expect(presses.map((press) => [press.input, press.key.ctrl, press.key.return])).toEqual([
			['u', true, false],
			['dns add x', false, false],
			['', false, true],
			['dig x', false, false],
			['', false, true],
		]);
	});

	it('turns Tab and DEL into their keys and drops unknown control characters', () => {
		expect(splitChunk('a\tb\u007F\u001C').map((press) => [press.input, press.key.tab, press.key.delete])).toEqual([
			['a', false, false],
			['', true, false],
			['b', false, false],
			['', false, true],
		]);
	});

	it('leaves single keys and plain text alone', () => {
		expect(isCompoundChunk('\r', plain)).toBe(false);
		expect(isCompoundChunk('dns add', plain)).toBe(false);
		expect(isCompoundChunk('dns add\r', plain)).toBe(true);
	});
});
