import type {BuildOptions, Metafile} from 'esbuild';

/** The esbuild options of a netquest bundle (see build.mjs). */
export function bundleOptions(where: {entry: string; name: string; outdir: string; checker?: string}): BuildOptions;

/** Builds `outdir` (default dist/): netquest.js and chunks/, source maps and licence notes, and levels/ with the checked-levels cache. */
export function build(options?: {outdir?: string; metafile?: boolean}): Promise<Metafile>;
export function checkerIdentity(): string;
