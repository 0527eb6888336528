import {describe, expect, it} from 'vitest';
import {keyHintLine} from './key-hints.js';
import {lineText} from './text/styled-line.js';
import {workbenchFooter} from './workbench/workbench-footer.js';

describe('key hints', () => {
	it('drops optional hints, last first, so the ones that matter fit whole', () => {
		const hints = [['Enter', 'run'], ['Tab', 'complete', 'optional'], ['PgUp', 'log', 'optional'], ['Esc', 'back']] as const;
		expect(lineText(keyHintLine(hints, 80))).toBe('Enter run · Tab complete · PgUp log · Esc back');
		expect(lineText(keyHintLine(hints, 38))).toBe('Enter run · Tab complete · Esc back');
		expect(lineText(keyHintLine(hints, 20))).toBe('Enter run · Esc back');
	});

	it('keeps help and the way out in the workbench footer at 80 columns', () => {
		const text = lineText(workbenchFooter({candidates: [], focus: 'prompt', width: 80}));
		expect(text).toContain('? help');
		expect(text).toContain('^C quit');
		expect(text).not.toContain('…');
	});
});
