#!/usr/bin/env node
import {runCli} from './cli/main.js';

/**
 * The netquest executable: wires the real process into `runCli`. This is the
 * only place that decides how the process ends.
 */
const exitCode = await runCli(process.argv.slice(2), {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	env: process.env,
	cwd: process.cwd(),
	stdinIsTTY: process.stdin.isTTY === true,
	stdoutIsTTY: process.stdout.isTTY === true,
});
process.exitCode = exitCode;
