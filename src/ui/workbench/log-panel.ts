import {windowFromEnd} from '../scroll-window.js';
import {fitRows} from '../text/fit.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';

/** The output panel for `height` rows (pure): a title row, then the log's lines scrolled back `scroll` rows from the newest. */
export function logPanelLines(lines: readonly StyledLine[], width: number, height: number, scroll: number): StyledLine[] {
	if (height <= 0) return [];
	const window = windowFromEnd(lines.length, scroll, height - 1);
	const title: StyledLine = [seg('Output', 'title'), seg(window.offset > 0 ? `  scrolled back ${window.offset} · PgDn for newer` : '', 'warn')];
	return fitRows([truncateLine(title, width), ...lines.slice(window.start, window.end)], height);
}
