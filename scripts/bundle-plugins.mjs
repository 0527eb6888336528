/**
 * esbuild plugins of the netquest bundle (see build.mjs). Each one either
 * keeps something off the start-up path or makes Ink's per-frame text work
 * cheaper. None changes what the player sees or what a command prints; the
 * things left out are Ink's React devtools bridge, a development aid, and ajv,
 * which conf needs only for an option netquest does not use.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** This folder: fast-width.mjs, and where the string-width it is checked against resolves from. */
const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));

/**
 * Ink loads its devtools bridge (`react-devtools-core`, an optional dependency
 * that is not installed, and `ws`) only when DEV=true. Resolve that module to
 * an empty one: the bundle neither carries it nor fails to build.
 */
export const noDevtools = {
	name: 'no-ink-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, (args) =>
			/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? {path: 'ink-devtools', namespace: 'netquest-empty'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'netquest-empty'}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

/**
 * Yoga (Ink's layout engine) checks `typeof fetch` while it instantiates its
 * inlined WebAssembly, and in Node the first touch of the `fetch` global
 * loads undici (about 20 ms). Yoga's wasm is a data: URL, which it never
 * fetches; the check is made to see "undefined" so undici stays unloaded.
 */
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/}, async (args) => {
			const source = await fs.promises.readFile(args.path, 'utf8');
			// Yoga 3.2 checks twice; any other count means a changed loader, to look at rather than skip.
			const checks = source.split('typeof fetch').length - 1;
			if (checks !== 2) return {errors: [{text: `yoga-without-fetch: ${args.path} checks \`typeof fetch\` ${checks} times, not 2: Yoga changed, re-check the patch`}]};
			return {contents: source.replaceAll('typeof fetch', 'typeof undefined'), loader: 'js'};
		});
	},
};

/**
 * Zod registers every locale's error messages on `z.locales`; netquest uses
 * the English ones (the default, which zod imports itself) and never reads
 * `z.locales`. A quarter of the bundle's bytes otherwise.
 */
export const zodEnglishOnly = {
	name: 'zod-english-only',
	setup(build) {
		build.onLoad({filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, () => ({
			contents: 'export {default as en} from "./en.js";',
			loader: 'js',
		}));
	},
};

/** What the stand-ins for ajv and ajv-formats throw if they are ever called. */
const NO_AJV = 'netquest bundles conf without JSON Schema validation; pass no `schema` option';

/**
 * conf validates against a JSON Schema with ajv and ajv-formats only when
 * given a `schema` option (netquest's store gives none: src/store/file-store.ts),
 * yet imports both (about 145 KB). conf's imports of them resolve to a stand-in
 * whose `Ajv2020` constructor and formats function throw an Error saying so:
 * ajv is not in the bundle at all.
 */
export const confWithoutAjv = {
	name: 'conf-without-ajv',
	setup(build) {
		// Named by what they stand for, so that the bundle's contents list no ajv.
		const standIns = {
			'json-schema-validator':
				`export class Ajv2020 {\n\tconstructor() {\n\t\tthrow new Error(${JSON.stringify(NO_AJV)});\n\t}\n}\n` +
				'export default Ajv2020;',
			'json-schema-formats':
				`export default function formats() {\n\tthrow new Error(${JSON.stringify(NO_AJV)});\n}\n` +
				// conf reads `.default` of the module's default export (an ajv CommonJS interop workaround).
				'formats.default = formats;',
		};
		const standInFor = {'ajv/dist/2020.js': 'json-schema-validator', 'ajv-formats': 'json-schema-formats'};
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats)$/}, (args) =>
			/[\\/]conf[\\/]/.test(args.importer) ? {path: standInFor[args.path], namespace: 'netquest-conf-stand-in'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'netquest-conf-stand-in'}, (args) => ({contents: standIns[args.path], loader: 'js'}));
	},
};

/**
 * The cache the memo wrappers share: two generations of at most `limit`
 * entries each. A hit in the older generation moves the entry to the newer
 * one; when the newer one is full the older one is dropped. Lines drawn in
 * the last frames stay cached; memory stays bounded.
 */
const MEMO_CACHE = `export function cache(limit) {
	let recent = new Map();
	let older = new Map();
	const set = (key, value) => {
		if (recent.size >= limit) {
			older = recent;
			recent = new Map();
		}
		recent.set(key, value);
		return value;
	};
	const get = (key) => {
		const value = recent.get(key);
		if (value !== undefined) return value;
		const old = older.get(key);
		return old === undefined ? undefined : set(key, old);
	};
	return {get, set};
}`;

/**
 * Ink redraws the whole screen on every frame and measures, slices and
 * tokenizes every line again (string-width, slice-ansi, ansi-tokenize), though
 * most lines are the same as in the last frame. These functions are pure, so
 * the bundle remembers their results across frames. Token arrays and styled
 * characters are shared between frames: their users (Ink's Output) only read them.
 *
 * string-width first asks `fastWidth` (fast-width.mjs), which knows the width
 * of ordinary text (Latin, punctuation, arrows, box drawing, symbols, CJK)
 * without string-width's Unicode path: that path's first call compiles the
 * `\p{RGI_Emoji}` regular expression and starts `Intl.Segmenter`, which the
 * first frame otherwise pays for its first › or ★. Its answers are cached
 * like string-width's: a lookup costs less than measuring a long line again.
 * Only the string-width that fast-width.mjs is checked against (the one this
 * folder resolves, v8) takes the fast path: wrap-ansi's own older copy
 * measures some symbols (⚠ ✔ © ®) differently and keeps its answers.
 */
export const memoizedText = {
	name: 'memoized-text',
	setup(build) {
		const wrappers = {
			'string-width': (real, fast) =>
				`import real from ${real};\nimport {cache} from 'netquest:memo-cache';\nconst widths = cache(4096);\n` +
				(fast ? `import {fastWidth} from ${JSON.stringify(path.join(SCRIPTS, 'fast-width.mjs'))};\n` : '') +
				'export default function stringWidth(input, options) {\n' +
				'\tif (options !== undefined || typeof input !== "string") return real(input, options);\n' +
				`\treturn widths.get(input) ?? widths.set(input, ${fast ? 'fastWidth(input) ?? ' : ''}real(input));\n` +
				'}',
			'slice-ansi': (real) =>
				`import real from ${real};\nimport {cache} from 'netquest:memo-cache';\nconst slices = cache(1024);\n` +
				'export default function sliceAnsi(text, start, end) {\n' +
				'\tif (typeof text !== "string") return real(text, start, end);\n' +
				'\tconst key = `${start}:${end}:${text}`;\n' +
				'\treturn slices.get(key) ?? slices.set(key, real(text, start, end));\n' +
				'}',
			'@alcalzone/ansi-tokenize': (real) =>
				`export * from ${real};\nimport {tokenize as realTokenize, styledCharsFromTokens as realStyledChars} from ${real};\n` +
				"import {cache} from 'netquest:memo-cache';\nconst tokens = cache(256);\nconst styled = new WeakMap();\n" +
				'export function tokenize(text, endChar) {\n' +
				'\tif (endChar !== undefined || typeof text !== "string") return realTokenize(text, endChar);\n' +
				'\treturn tokens.get(text) ?? tokens.set(text, realTokenize(text));\n' +
				'}\n' +
				'export function styledCharsFromTokens(list) {\n' +
				'\tlet known = styled.get(list);\n' +
				'\tif (known === undefined) {\n\t\tknown = realStyledChars(list);\n\t\tstyled.set(list, known);\n\t}\n' +
				'\treturn known;\n' +
				'}',
		};
		build.onResolve({filter: /^netquest:memo-cache$/}, () => ({path: 'memo-cache', namespace: 'netquest-memo-cache'}));
		build.onLoad({filter: /.*/, namespace: 'netquest-memo-cache'}, () => ({contents: MEMO_CACHE, loader: 'js'}));
		let checked;
		build.onResolve({filter: /^(string-width|slice-ansi|@alcalzone\/ansi-tokenize)$/}, async (args) => {
			if (args.pluginData?.real) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			let fast = false;
			if (args.path === 'string-width') {
				checked ??= build.resolve('string-width', {kind: 'import-statement', resolveDir: SCRIPTS, pluginData: {real: true}});
				fast = real.path === (await checked).path;
			}
			return {path: real.path, namespace: 'netquest-memo', pluginData: {wrap: args.path, fast}};
		});
		build.onLoad({filter: /.*/, namespace: 'netquest-memo'}, (args) => ({
			contents: wrappers[args.pluginData.wrap](JSON.stringify(args.path), args.pluginData.fast),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
	},
};
