import type {StyledLine} from './styled-line.js';

/** Exactly `height` rows: the first rows of `lines`, padded with empty rows. */
export function fitRows(lines: readonly StyledLine[], height: number): StyledLine[] {
	const rows = lines.slice(0, Math.max(0, height));
	while (rows.length < height) rows.push([]);
	return rows;
}
