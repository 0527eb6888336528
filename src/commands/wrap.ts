/** Plain-text layout helpers shared by help and the renderers. */

/** The width plain-text output aims for (an 80-column terminal, less a margin). */
export const WIDTH = 78;

/**
 * Word-wraps `text` to `width` columns: the first line starts with `first`,
 * the others with `rest` (usually spaces). A word longer than a line stays whole.
 */
export function wrap(text: string, first: string, rest: string, width = WIDTH): string[] {
	const lines: string[] = [];
	let line = first;
	let empty = true;
	for (const word of text.split(/\s+/).filter((part) => part !== '')) {
		if (!empty && line.length + 1 + word.length > width) {
			lines.push(line);
			line = rest + word;
		} else {
			line = empty ? line + word : `${line} ${word}`;
		}
		empty = false;
	}
	lines.push(line);
	return lines;
}

/** Pads cells into aligned columns (the last column is not padded). */
export function columns(rows: readonly (readonly string[])[], gap = '  '): string[] {
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length)));
	return rows.map((row) =>
		row
			.map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - [...cell].length)))
			.join(gap)
			.trimEnd(),
	);
}
