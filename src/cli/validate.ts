import fs from 'node:fs';
import path from 'node:path';
import {formatProblem} from '../levels/problem.js';
import {validatePaths} from '../levels/validate.js';
import type {CliContext} from './context.js';
import {EXIT, type ExitCode, writeLines} from './io.js';

/**
 * `netquest validate <file|dir>...`: every problem of every level file, one
 * `file:line:col: message (at /pointer)` line each, then a summary line.
 * Exit 0 clean, 1 problems, 2 usage (no path, a path that does not exist, no level file at all).
 */
export function validateCommand(args: readonly string[], context: CliContext): ExitCode {
	const {io} = context;
	if (args.length === 0) {
		io.stderr('netquest validate: give at least one level file or folder\nUsage: netquest validate <file|dir>...\n');
		return EXIT.usage;
	}
	const missing = args.filter((given) => !fs.existsSync(path.resolve(io.cwd, given)));
	if (missing.length > 0) {
		writeLines(
			io.stderr,
			missing.map((given) => `netquest validate: no such file or folder: ${given}`),
		);
		return EXIT.usage;
	}
	const report = validatePaths(args, io.cwd);
	if (report.files === 0 && report.problems.length === 0) {
		io.stderr(`netquest validate: no level files (*.json) in ${args.join(', ')}\n`);
		return EXIT.usage;
	}
	writeLines(io.stdout, report.problems.map(formatProblem));
	const files = `${report.files} level ${report.files === 1 ? 'file' : 'files'}`;
	if (report.problems.length === 0) {
		io.stdout(`${files} checked: no problems\n`);
		return EXIT.ok;
	}
	const count = report.problems.length;
	const inFiles = new Set(report.problems.map((problem) => problem.file)).size;
	io.stdout(`${files} checked: ${count} ${count === 1 ? 'problem' : 'problems'} in ${inFiles} ${inFiles === 1 ? 'file' : 'files'}\n`);
	return EXIT.problems;
}
