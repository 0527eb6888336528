/** One grapheme cluster of a string, as `Intl.Segmenter` yields it. */
export type Grapheme = {segment: string; index: number; input: string};

/** Exactly the clusters `new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(str)` yields; without the segmenter when no code point can join a neighbour (see fast-output.mjs). */
export function graphemes(str: string): Iterable<Grapheme>;

/** Exactly what a grapheme `Intl.Segmenter`'s `segment(str)` gives as far as iterating and `containing(index)` go; without the segmenter for plain text. */
export function graphemeSegments(str: string): Iterable<Grapheme> & {containing(index?: number): Grapheme | undefined};

/** One cell of a styled line, as @alcalzone/ansi-tokenize's `styledCharsFromTokens` makes it. */
export type StyledCell = {type: 'char'; value: string; fullWidth: boolean; styles: readonly {type?: 'ansi'; code: string; endCode: string}[]};

/** Exactly ansi-tokenize's `styledCharsToString(chars)`, without diffing neighbours of equal styles. */
export function styledCharsToStringFast(chars: readonly StyledCell[]): string;

/** What `outputGet` reads of an Ink `Output` (ink/build/output.js). */
export type InkOutputLike = {
	width: number;
	height: number;
	operations: readonly unknown[];
	caches: {getWidestLine(text: string): number; getStringWidth(text: string): number; getStyledChars(line: string): readonly StyledCell[]};
};

/** Exactly what Ink 6.8's `output.get()` returns; `sliceAnsi` is the slice-ansi Ink's output.js imports. */
export function outputGet(output: InkOutputLike, sliceAnsi: (text: string, start: number, end?: number) => string): {output: string; height: number};
