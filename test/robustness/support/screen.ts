import stringWidth from 'string-width';

/**
 * What "the layout is intact" means for a frame, checked the same way for
 * every robustness case: the frame fits the window (no row wider than the
 * terminal by the measure Ink itself lays text out with, `string-width`; no
 * more rows than the frame may use); every box drawn is closed, its right
 * border in line with its corners on every row (a miscounted wide character
 * shifts it); and the player sees only text — no control character, no
 * escape sequence left after the styling is stripped, and no error overview
 * from Ink.
 */

/** The window a frame must fit. */
export type Size = {readonly columns: number; readonly rows: number};

// C0 controls but \n, DEL, C1 controls, and the bidi overrides that reorder what is shown.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Every way `frame` (ANSI-stripped) breaks the layout of a `size` window; empty when it is intact. */
export function frameProblems(frame: string, size: Size): string[] {
	const problems: string[] = [];
	const rows = frame.split('\n');
	// The app draws one row less than the window, so Ink redraws in place (see src/ui/layout.ts).
	const maxRows = Math.max(1, size.rows - 1);
	if (rows.length > maxRows) problems.push(`${rows.length} rows in a window of ${size.rows}`);
	for (const [index, row] of rows.entries()) {
		const width = stringWidth(row);
		if (width > Math.max(10, size.columns)) problems.push(`row ${index + 1} is ${width} columns wide in a window of ${size.columns}: ${JSON.stringify(row)}`);
		const control = NOT_TEXT.exec(row);
		if (control) problems.push(`row ${index + 1} holds the control character U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0')}: ${JSON.stringify(row)}`);
	}
	if (/ERROR\s|at .*\(file:\/\//u.test(frame)) problems.push(`Ink's error overview is on screen:\n${frame}`);
	problems.push(...boxProblems(rows));
	return problems;
}

const segmenter = new Intl.Segmenter();

/** The characters of a row by the terminal column they start at. */
function cells(row: string): Map<number, string> {
	const at = new Map<number, string>();
	let column = 0;
	for (const {segment} of segmenter.segment(row)) {
		at.set(column, segment);
		column += stringWidth(segment);
	}
	return at;
}

const CORNERS: Readonly<Record<string, {right: string; side: string; bottomLeft: string; bottomRight: string}>> = {
	'┌': {right: '┐', side: '│', bottomLeft: '└', bottomRight: '┘'},
	'┏': {right: '┓', side: '┃', bottomLeft: '┗', bottomRight: '┛'},
};

/** Boxes whose right border is not in line with their corners (rows are followed down until the box ends or is clipped). */
function boxProblems(rows: readonly string[]): string[] {
	const grid = rows.map(cells);
	const problems: string[] = [];
	grid.forEach((row, top) => {
		for (const [left, char] of row) {
			const kind = CORNERS[char];
			if (!kind) continue;
			const right = [...row].find(([column, other]) => column > left && other === kind.right)?.[0];
			if (right === undefined) {
				problems.push(`row ${top + 1}: a box opens at column ${left} and does not close: ${JSON.stringify(rows[top])}`);
				continue;
			}
			for (let below = top + 1; below < grid.length; below++) {
				const edge = grid[below]!.get(left);
				if (edge === kind.bottomLeft) {
					if (grid[below]!.get(right) !== kind.bottomRight) problems.push(`row ${below + 1}: the box from row ${top + 1} closes out of line: ${JSON.stringify(rows[below])}`);
					break;
				}
				if (edge !== kind.side) break; // clipped by its panel
				if (grid[below]!.get(right) !== kind.side) problems.push(`row ${below + 1}: the right border of the box from row ${top + 1} is not at column ${right}: ${JSON.stringify(rows[below])}`);
			}
		}
	});
	return problems;
}

/** The visual width of a row, as Ink measures it. */
export function rowWidth(row: string): number {
	return stringWidth(row);
}
