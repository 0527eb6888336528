#!/usr/bin/env node
/**
 * `npm run build`: bundles the CLI (src/cli.tsx and everything it imports,
 * dependencies included) into ES modules: `dist/netquest.js`, the file the
 * `netquest` bin and `npm start` run, and `dist/chunks/`, the code behind
 * each dynamic `import()` (the game's app, the engine, `check`, `validate`…),
 * read from disk only when imported, so start-up parses only what the first
 * frame needs. It copies the built-in levels and their JSON Schema to
 * `dist/levels/`, where `builtInLevelsDir()` finds them, and writes their
 * checked-levels cache there (src/levels/checked-cache.ts).
 *
 * Usage: node scripts/build.mjs [--outdir <dir>] [--metafile]
 *   --outdir <dir>  where to write (default: dist); tests build into a temp dir
 *   --metafile      also write <outdir>/meta.json and print what the bundle holds
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

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
 * every dependency inside, as published (no plugin rewrites or stubs a file
 * of node_modules), minified, React in production mode. The benchmark bundles
 * its Ink hello-world with the same options.
 * `checker`: the checker identity the bundle carries (`checkerIdentity()`),
 * so it may use the checked-levels cache written with the same identity.
 * @param {{entry: string, name: string, outdir: string, checker?: string}} where
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions({entry, name, outdir, checker}) {
	return {
		absWorkingDir: root,
		entryPoints: {[name]: entry},
		outdir,
		bundle: true,
		platform: 'node',
		format: 'esm',
		// Each dynamic import() gets its own file (shared code too): only what is imported is read and parsed.
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		target: 'node20',
		jsx: 'automatic',
		// React and friends drop their development-only checks.
		define: {'process.env.NODE_ENV': '"production"', ...(checker === undefined ? {} : {__NETQUEST_CHECKER__: JSON.stringify(checker)})},
		banner: {js: BANNER},
		// Ink imports its React devtools bridge only when DEV=true, from react-devtools-core, an optional
		// peer that is not installed: left as an import, it fails only then, with Ink's own message.
		external: ['react-devtools-core'],
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
 * The identity of the level checker in this build: a digest of every source
 * file (tests excluded) and of the locked dependency versions. The bundle
 * carries it, and so does the checked-levels cache written beside it; a
 * cache from any other build is never used.
 */
export function checkerIdentity() {
	const hash = createHash('sha256');
	const visit = (dir) => {
		for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) visit(full);
			else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) hash.update(path.relative(root, full)).update('\0').update(fs.readFileSync(full)).update('\0');
		}
	};
	visit(path.join(root, 'src'));
	const lock = path.join(root, 'package-lock.json');
	if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
	return hash.digest('hex').slice(0, 32);
}

/**
 * Writes the built-in levels' checked-levels cache with the real loader,
 * bundled for the occasion (the build runs on plain Node, the loader is
 * TypeScript). Throws if the levels folder cannot be cached.
 */
async function writeLevelCache(levels, checker) {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-build-'));
	try {
		await esbuild.build({...bundleOptions({entry: 'src/levels/write-checked-cache.ts', name: 'write-checked-cache', outdir: work}), splitting: false, sourcemap: false, legalComments: 'none'});
		const {writeCheckedCache} = await import(pathToFileURL(path.join(work, 'write-checked-cache.js')).href);
		if (!writeCheckedCache(levels, checker)) throw new Error(`cannot write the checked-levels cache of ${levels}`);
	} finally {
		fs.rmSync(work, {recursive: true, force: true});
	}
}

/**
 * Builds into `outdir` (default dist/): `netquest.js` (executable) and
 * `chunks/`, their source maps and licence notes, and `levels/` (every *.json
 * of the built-in levels folder, schema.json and pack.json included, and the
 * checked-levels cache). Returns esbuild's metafile.
 * @param {{outdir?: string, metafile?: boolean}} [options]
 */
export async function build({outdir = path.join(root, 'dist'), metafile = false} = {}) {
	for (const stale of ['levels', 'chunks', 'meta.json']) fs.rmSync(path.join(outdir, stale), {recursive: true, force: true});
	const checker = checkerIdentity();
	const result = await esbuild.build(bundleOptions({entry: 'src/cli.tsx', name: 'netquest', outdir, checker}));
	const bin = path.join(outdir, 'netquest.js');
	fs.chmodSync(bin, 0o755);
	const levels = path.join(outdir, 'levels');
	fs.mkdirSync(levels, {recursive: true});
	for (const name of fs.readdirSync(path.join(root, 'levels'))) {
		if (name.endsWith('.json')) fs.copyFileSync(path.join(root, 'levels', name), path.join(levels, name));
	}
	await writeLevelCache(levels, checker);
	if (metafile) fs.writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
	return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const {values} = parseArgs({options: {outdir: {type: 'string'}, metafile: {type: 'boolean'}}});
	const outdir = values.outdir === undefined ? undefined : path.resolve(values.outdir);
	const meta = await build({...(outdir ? {outdir} : {}), metafile: values.metafile === true});
	if (values.metafile) console.log(await esbuild.analyzeMetafile(meta, {verbose: false}));
}
