/**
 * What a subcommand may touch of the outside world. `src/cli.tsx` builds it
 * from `process`; tests pass a fake one and read what was written.
 */
export type CliIo = {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** Relative paths in arguments are resolved against it, and file names are shown relative to it. */
	readonly cwd: string;
	/** Whether stdin and stdout are terminals (the game needs both; colour needs stdout). Omitted: not terminals. */
	readonly stdinIsTTY?: boolean;
	readonly stdoutIsTTY?: boolean;
	/** The built-in level folder; omitted: `builtInLevelsDir()`. Tests point it at fixtures. */
	readonly builtInDir?: string;
};

/** The exit codes every subcommand uses. */
export const EXIT = {
	/** Clean, solved, done. */
	ok: 0,
	/** Problems found, not solved, nothing to export. */
	problems: 1,
	/** Bad usage or bad input (unknown flag, missing file, a solution line that does not parse). */
	usage: 2,
	/** A bug in netquest (an exception): said plainly, never confused with "not solved". */
	internal: 3,
} as const;

/** 128 + a signal's number: the game was stopped by that signal (143 for SIGTERM), as shells report it. */
export type SignalExitCode = number & {readonly signalExit?: true};

/** A process exit code: one of EXIT, or a signal's. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT] | SignalExitCode;

/** Writes each line followed by a newline to `write`. */
export function writeLines(write: (text: string) => void, lines: readonly string[]): void {
	if (lines.length > 0) write(`${lines.join('\n')}\n`);
}
