import path from 'node:path';

/** How a path is shown to the user: relative to `cwd` when it lies inside it, else absolute. */
export function displayPath(cwd: string, file: string): string {
	const relative = path.relative(cwd, file);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
