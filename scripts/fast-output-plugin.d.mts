import type {Plugin} from 'esbuild';

/** SHA-256 of the ink/build/output.js `outputGet` reimplements; any other file fails the build. */
export const INK_OUTPUT_SHA256: string;

/** ansi-tokenize's tokenize.js looping over `graphemes(str)` and without its module-level segmenter; throws if the file is not as expected. */
export function patchTokenizeSource(source: string): string;

/** Ink's output.js with `get()` calling `outputGet(this, sliceAnsi)`; throws unless the file's SHA-256 is `INK_OUTPUT_SHA256`. */
export function patchOutputSource(source: string): string;

/** `source` with the module-level grapheme segmenter `declaration` replaced by `{segment: graphemeSegments}` of fast-output.mjs; throws if it is missing or used otherwise. */
export function segmenterSource(source: string, declaration: string, file: string): string;

/** The esbuild plugin: fast Output.get() and tokenize in Ink, string-width and slice-ansi segmenting with graphemeSegments; fails the build on any required file it cannot patch. */
export const fastInkOutput: Plugin;
