/**
 * The esbuild plugin that gives the bundle fast-output.mjs (issue 7): Ink's
 * `Output.get()` and ansi-tokenize's grapheme loop, rewritten without
 * changing a byte of what they produce, and no `Intl.Segmenter` made while
 * modules load or for plain text (the first one of a process costs about
 * 10 ms; now only text that needs one makes it): ansi-tokenize, slice-ansi
 * (every line of a clipped box, so every line of netquest's screens, goes
 * through it) and string-width segment with fast-output.mjs's `graphemes` and
 * `graphemeSegments`.
 *
 * Each patch is a text replacement on a dependency's file, checked: if the
 * file is not what the patch was written and tested against (an upgrade),
 * the build fails and says which file and what to re-check. A patch is never
 * skipped silently, not even when another plugin loads the file first: the
 * plugin then fails the build at its end (when the build has a metafile),
 * or warns for the optional ones.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** This folder, where fast-output.mjs is and from where its imports resolve. */
const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
/** The module the patched files import. */
const FAST_OUTPUT = path.join(SCRIPTS, 'fast-output.mjs');

/**
 * SHA-256 of ink/build/output.js (Ink 6.8.0), the file `outputGet` was
 * written against line by line and is tested against. Its `get()` is
 * replaced; any other version of the file fails the build until someone
 * compares the new `get()` (and what it uses: `operations`, `caches`) with
 * fast-output.mjs, runs test/build/fast-output.test.ts and updates this.
 */
export const INK_OUTPUT_SHA256 = 'de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d';

/** A failed patch: the build error's text. */
class PatchError extends Error {}

/**
 * `source` with `from` replaced by `to`, where `from` must occur exactly once.
 * @param {string} source
 * @param {string} from
 * @param {string} to
 * @param {string} file what the source is, for the error
 */
function replaceOnce(source, from, to, file) {
	const at = source.indexOf(from);
	if (at === -1 || source.indexOf(from, at + 1) !== -1) {
		throw new PatchError(
			`${file}: expected ${at === -1 ? '' : 'only one '}${JSON.stringify(from)}; the package changed. Re-check scripts/fast-output-plugin.mjs against it.`,
		);
	}
	return source.slice(0, at) + to + source.slice(at + from.length);
}

/** The import a patched file gets, of fast-output.mjs. */
function importFastOutput(names) {
	return `import {${names}} from ${JSON.stringify(FAST_OUTPUT)};\n`;
}

/**
 * @alcalzone/ansi-tokenize's build/tokenize.js (0.2.x) with its grapheme
 * loop over `segmenter.segment(str)` going over `graphemes(str)` instead (the
 * same clusters, fast-output.mjs), and its module-level segmenter gone.
 * Throws an Error saying what is missing if the file is not as expected.
 * @param {string} source
 * @returns {string}
 */
export function patchTokenizeSource(source) {
	const file = '@alcalzone/ansi-tokenize/build/tokenize.js';
	let patched = replaceOnce(source, 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });\n', '', file);
	patched = replaceOnce(
		patched,
		'for (const { segment, index } of segmenter.segment(str)) {',
		'for (const { segment, index } of __netquestGraphemes(str)) {',
		file,
	);
	if (/\bsegmenter\b/.test(patched)) throw new PatchError(`${file}: uses \`segmenter\` elsewhere too; the package changed. Re-check scripts/fast-output-plugin.mjs against it.`);
	return importFastOutput('graphemes as __netquestGraphemes') + patched;
}

/**
 * @alcalzone/ansi-tokenize's build/styledChars.js (0.2.x) with one styles
 * array shared by all the characters a run of escape codes applies to,
 * instead of a copy for each character (a screen is thousands of them). The
 * shared arrays are frozen: every user only reads them (Ink's output, the
 * diff and the string conversion), and a writer would fail loudly rather
 * than restyle its neighbours. `reduceAnsiCodesIncremental` returns a new
 * array each time, so a run's array never changes once made.
 * @param {string} source
 * @returns {string}
 */
export function patchStyledCharsSource(source) {
	const file = '@alcalzone/ansi-tokenize/build/styledChars.js';
	let patched = replaceOnce(source, '    let codes = [];\n    const ret = [];\n', '    let codes = Object.freeze([]);\n    const ret = [];\n', file);
	patched = replaceOnce(patched, 'codes = reduceAnsiCodesIncremental(codes, [token]);', 'codes = Object.freeze(reduceAnsiCodesIncremental(codes, [token]));', file);
	return replaceOnce(patched, 'styles: [...codes],', 'styles: codes,', file);
}

/**
 * ink/build/output.js (Ink 6.8.0, see `INK_OUTPUT_SHA256`) with the body of
 * `get()` replaced by a call of `outputGet(this, sliceAnsi)` (fast-output.mjs),
 * passing Ink's own slice-ansi. Throws an Error if the file is any other.
 * @param {string} source
 * @returns {string}
 */
export function patchOutputSource(source) {
	const file = 'ink/build/output.js';
	const digest = createHash('sha256').update(source).digest('hex');
	if (digest !== INK_OUTPUT_SHA256) {
		throw new PatchError(
			`${file} is not the file fast-output.mjs reimplements (SHA-256 ${digest}, expected ${INK_OUTPUT_SHA256}): Ink changed. ` +
				'Compare its Output.get() with outputGet in scripts/fast-output.mjs, run test/build/fast-output.test.ts, then update INK_OUTPUT_SHA256.',
		);
	}
	const start = source.indexOf('\n    get() {\n');
	const end = source.indexOf('\n    }\n}\n', start);
	if (start === -1 || end === -1 || !source.includes("import sliceAnsi from 'slice-ansi';")) throw new PatchError(`${file}: cannot find get() or its slice-ansi import.`);
	return (
		importFastOutput('outputGet as __netquestOutputGet') +
		source.slice(0, start) +
		'\n    get() {\n        return __netquestOutputGet(this, sliceAnsi);' +
		source.slice(end)
	);
}

/**
 * `source` with the module-level `declaration` of a grapheme segmenter named
 * `name` (`const name = new Intl.Segmenter();`, default locale and
 * granularity, or the same with `{granularity: 'grapheme'}`) replaced by an
 * object whose `segment(text)` is `graphemeSegments(text)` of fast-output.mjs:
 * the same clusters, without a segmenter for plain text, and a segmenter
 * built only when some text needs one. Every other mention of `name` must be
 * a call of `name.segment(` (or in a line comment): what the caller does with
 * the result must be iterating it or its `containing()`, which the patch
 * list below vouches for each file. Throws an Error otherwise, or if the
 * declaration is not there exactly once.
 * @param {string} source
 * @param {string} declaration the whole statement, as in the file
 * @param {string} file what the source is, for the error
 * @returns {string}
 */
export function segmenterSource(source, declaration, file) {
	const match = /^const (\w+) = new Intl\.Segmenter\((|undefined, \{ ?granularity: (['"])grapheme\3 ?\})\);$/.exec(declaration);
	if (!match) throw new PatchError(`not a grapheme segmenter's declaration: ${declaration}`);
	const name = match[1];
	const patched = replaceOnce(source, declaration, `const ${name} = {segment: __netquestGraphemeSegments};`, file);
	const declared = patched.indexOf(`const ${name} = {`) + 'const '.length;
	for (const mention of patched.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
		const lineStart = patched.lastIndexOf('\n', mention.index) + 1;
		const isCall = patched.startsWith(`${name}.segment(`, mention.index);
		if (mention.index !== declared && !isCall && !patched.slice(lineStart, mention.index).includes('//')) {
			throw new PatchError(`${file}: uses \`${name}\` other than as \`${name}.segment(…)\`; the package changed. Re-check scripts/fast-output-plugin.mjs against it.`);
		}
	}
	return importFastOutput('graphemeSegments as __netquestGraphemeSegments') + patched;
}

/**
 * What each patched file is, how to recognize its path, its patch, and
 * whether the build must fail when the file is in the bundle unpatched
 * (string-width and slice-ansi are right either way, only slower: a warning).
 */
const PATCHES = [
	{file: '@alcalzone/ansi-tokenize/build/tokenize.js', filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, patch: patchTokenizeSource, required: true},
	{file: '@alcalzone/ansi-tokenize/build/styledChars.js', filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, patch: patchStyledCharsSource, required: true},
	{file: 'ink/build/output.js', filter: /[\\/]ink[\\/]build[\\/]output\.js$/, patch: patchOutputSource, required: true},
	// string-width v8 (the bundle's own) and v7 (wrap-ansi's) declare the same segmenter, and only iterate
	// what its segment() gives; slice-ansi iterates it and calls its containing().
	{
		file: 'string-width/index.js',
		filter: /[\\/]string-width[\\/]index\.js$/,
		patch: (source) => segmenterSource(source, 'const segmenter = new Intl.Segmenter();', 'string-width/index.js'),
		required: false,
	},
	{
		file: 'slice-ansi/tokenize-ansi.js',
		filter: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
		patch: (source) =>
			segmenterSource(source, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", 'slice-ansi/tokenize-ansi.js'),
		required: false,
	},
];

/** An input of esbuild's metafile from another plugin's namespace ("namespace:path"; a Windows drive letter is not one). */
const NAMESPACED = /^(?![A-Za-z]:[\\/])[\w-]+:/;

/**
 * The esbuild plugin (same shape as those of bundle-plugins.mjs):
 * ansi-tokenize's `tokenize` segments with `graphemes`, Ink's `Output.get()`
 * is `outputGet`, and string-width's and slice-ansi's segmenters are
 * `graphemeSegments` (no segmenter at module load, none for plain text). The
 * patched output.js and fast-output.mjs must see the same
 * @alcalzone/ansi-tokenize (the one `styledCharsToStringFast` is tested
 * against): the build fails otherwise. Any file that cannot be patched fails
 * the build, and so does (at the end of a build with a metafile) Ink's
 * output.js or ansi-tokenize's tokenize.js in the bundle unpatched because
 * another plugin loaded it first; string-width or slice-ansi loaded first by
 * another (bundle-plugins.mjs's `lazySegmenters` does the lazy half of this
 * plugin's work on them) gives a warning. Place it before that one.
 */
export const fastInkOutput = {
	name: 'fast-ink-output',
	setup(build) {
		const patched = new Set();
		/**
		 * Why Ink's output.js at `file` cannot use fast-output.mjs, or undefined: both must import the same
		 * @alcalzone/ansi-tokenize (fast-output.mjs's diff must be the one Ink's styledCharsToString uses).
		 */
		const tokenizeMismatch = async (file) => {
			const [ink, ours] = await Promise.all(
				[path.dirname(file), SCRIPTS].map((resolveDir) => build.resolve('@alcalzone/ansi-tokenize', {kind: 'import-statement', resolveDir})),
			);
			if (ink.errors.length === 0 && ours.errors.length === 0 && ink.path === ours.path) return undefined;
			const where = (resolved) => (resolved.errors.length > 0 ? 'none' : resolved.path);
			return `${file} and scripts/fast-output.mjs import different copies of @alcalzone/ansi-tokenize (${where(ink)} and ${where(ours)}).`;
		};
		for (const {file, filter, patch} of PATCHES) {
			build.onLoad({filter, namespace: 'file'}, async (args) => {
				let contents;
				try {
					// The package's source map describes the file before the patch: the bundle maps the patched code to itself.
					contents = patch(await fs.promises.readFile(args.path, 'utf8')).replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
				} catch (error) {
					if (error instanceof PatchError) return {errors: [{text: error.message}]};
					throw error;
				}
				const mismatch = file === 'ink/build/output.js' ? await tokenizeMismatch(args.path) : undefined;
				if (mismatch !== undefined) return {errors: [{text: mismatch}]};
				patched.add(path.resolve(args.path));
				return {contents, loader: 'js'};
			});
		}
		build.onEnd((result) => {
			const root = build.initialOptions.absWorkingDir ?? process.cwd();
			const missed = (required) =>
				Object.keys(result.metafile?.inputs ?? {}).filter(
					(input) => !NAMESPACED.test(input) && PATCHES.some((patch) => patch.required === required && patch.filter.test(input)) && !patched.has(path.resolve(root, input)),
				);
			const errors = missed(true).map((input) => ({text: `fast-ink-output could not patch ${input}: another plugin loaded it first. Put fastInkOutput before it.`}));
			const warnings = missed(false).map((input) => ({
				text: `fast-ink-output did not patch ${input} (another plugin loaded it first): the bundle is right, but segments plain text with Intl.Segmenter. Put fastInkOutput before that plugin.`,
			}));
			return errors.length + warnings.length === 0 ? undefined : {errors, warnings};
		});
	},
};
