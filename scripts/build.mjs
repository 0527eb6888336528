#!/usr/bin/env node
/**
 * `npm run build`: bundles the CLI (src/cli.tsx and everything it imports,
 * dependencies included) into one ES module, `dist/netquest.js`, the file the
 * `netquest` bin and `npm start` run, and copies the built-in levels and their
 * JSON Schema to `dist/levels/`, where `builtInLevelsDir()` finds them.
 *
 * Usage: node scripts/build.mjs [--outdir <dir>] [--metafile]
 *   --outdir <dir>  where to write (default: dist); tests build into a temp dir
 *   --metafile      also write <outdir>/meta.json and print what the bundle holds
 *
 * Code behind a dynamic `import()` (the game UI, the progress store, `check`,
 * `validate`…) stays in the same file but is only evaluated when imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {lazyAjv, memoizedText, noDevtools, yogaWithoutFetch, zodEnglishOnly} from './bundle-plugins.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * An ES module has no `require`, yet bundled CommonJS packages (React, ajv…)
 * call `require('node:…')` for Node's own modules: the bundle makes one with
 * `createRequire`. (Nothing bundled reads `__dirname` or `__filename`.)
 */
const BANNER = [
	"import {createRequire as __netquestCreateRequire} from 'node:module';",
	'const require = __netquestCreateRequire(import.meta.url);',
].join('\n');

/**
 * The esbuild options of a netquest bundle: one ES module for Node 20 with
 * every dependency inside, minified, React in production mode, and the
 * plugins of bundle-plugins.mjs. The benchmark bundles its Ink hello-world
 * with the same options, and with `plain` ones for comparison: only what it
 * takes to build a working bundle (no start-up or per-frame plugins).
 * @param {{entry: string, name: string, outdir: string, plain?: boolean}} where
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions({entry, name, outdir, plain = false}) {
	return {
		absWorkingDir: root,
		entryPoints: {[name]: entry},
		outdir,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		// React and friends drop their development-only checks.
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: BANNER},
		plugins: plain ? [noDevtools] : [noDevtools, yogaWithoutFetch, zodEnglishOnly, lazyAjv, memoizedText],
		// jsonc-parser's "main" is a UMD wrapper whose require() calls esbuild cannot follow.
		alias: {'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js'},
		minify: true,
		sourcemap: 'linked',
		legalComments: 'linked',
		metafile: true,
		logLevel: 'warning',
	};
}

/**
 * Builds into `outdir` (default dist/): `netquest.js` (executable), its
 * source map and licence notes, and `levels/` (every *.json of the built-in
 * levels folder, schema.json and pack.json included). Returns esbuild's metafile.
 * @param {{outdir?: string, metafile?: boolean}} [options]
 */
export async function build({outdir = path.join(root, 'dist'), metafile = false} = {}) {
	for (const stale of ['levels', 'meta.json']) fs.rmSync(path.join(outdir, stale), {recursive: true, force: true});
	const result = await esbuild.build(bundleOptions({entry: 'src/cli.tsx', name: 'netquest', outdir}));
	const bin = path.join(outdir, 'netquest.js');
	fs.chmodSync(bin, 0o755);
	const levels = path.join(outdir, 'levels');
	fs.mkdirSync(levels, {recursive: true});
	for (const name of fs.readdirSync(path.join(root, 'levels'))) {
		if (name.endsWith('.json')) fs.copyFileSync(path.join(root, 'levels', name), path.join(levels, name));
	}
	if (metafile) fs.writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
	return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const {values} = parseArgs({options: {outdir: {type: 'string'}, metafile: {type: 'boolean'}}});
	const outdir = values.outdir === undefined ? undefined : path.resolve(values.outdir);
	const meta = await build({...(outdir ? {outdir} : {}), metafile: values.metafile === true});
	if (values.metafile) console.log(await esbuild.analyzeMetafile(meta, {verbose: false}));
}
