/**
 * esbuild plugins of the netquest bundle (see build.mjs). Each one either
 * keeps something off the start-up path or makes Ink's per-frame text work
 * cheaper. None changes what the player sees or what a command prints; the
 * one thing left out is Ink's React devtools bridge, a development aid.
 */
import fs from 'node:fs';
import path from 'node:path';

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
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/}, async (args) => ({
			contents: (await fs.promises.readFile(args.path, 'utf8')).replaceAll('typeof fetch', 'typeof undefined'),
			loader: 'js',
		}));
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

/**
 * conf validates against a JSON Schema with ajv only when given a `schema`
 * option (netquest's store gives none), yet imports ajv and ajv-formats on
 * start. They are loaded on first use instead.
 */
export const lazyAjv = {
	name: 'lazy-ajv',
	setup(build) {
		const wrappers = {
			'ajv/dist/2020.js': (real) =>
				`let real; const load = () => (real ??= require(${real}));\n` +
				'class Ajv2020 { constructor(...args) { return new (load().Ajv2020)(...args); } }\n' +
				'module.exports = {Ajv2020, default: Ajv2020};',
			'ajv-formats': (real) =>
				`let real; const load = () => (real ??= require(${real}));\n` +
				'function formats(...args) { const module = load(); return (module.default ?? module)(...args); }\n' +
				'formats.default = formats;\nmodule.exports = formats;',
		};
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats)$/}, async (args) => {
			if (args.pluginData?.real || !/[\\/]conf[\\/]/.test(args.importer)) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: 'netquest-lazy', pluginData: {wrap: args.path}};
		});
		build.onLoad({filter: /.*/, namespace: 'netquest-lazy'}, (args) => ({
			contents: wrappers[args.pluginData.wrap](JSON.stringify(args.path)),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
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
 */
export const memoizedText = {
	name: 'memoized-text',
	setup(build) {
		const wrappers = {
			'string-width': (real) =>
				`import real from ${real};\nimport {cache} from 'netquest:memo-cache';\nconst widths = cache(4096);\n` +
				'export default function stringWidth(input, options) {\n' +
				'\tif (options !== undefined || typeof input !== "string") return real(input, options);\n' +
				'\treturn widths.get(input) ?? widths.set(input, real(input));\n' +
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
		build.onResolve({filter: /^(string-width|slice-ansi|@alcalzone\/ansi-tokenize)$/}, async (args) => {
			if (args.pluginData?.real) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: 'netquest-memo', pluginData: {wrap: args.path}};
		});
		build.onLoad({filter: /.*/, namespace: 'netquest-memo'}, (args) => ({
			contents: wrappers[args.pluginData.wrap](JSON.stringify(args.path)),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
	},
};
