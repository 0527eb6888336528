import type {BuildOptions, Metafile} from 'esbuild';

/** The esbuild options of a netquest bundle (see build.mjs); `plain`: without the start-up and per-frame plugins. */
export function bundleOptions(where: {entry: string; name: string; outdir: string; plain?: boolean}): BuildOptions;

/** Builds `outdir` (default dist/): netquest.js, its source map and licence notes, and levels/. */
export function build(options?: {outdir?: string; metafile?: boolean}): Promise<Metafile>;
