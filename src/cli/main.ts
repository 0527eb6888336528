import {parseCliArgs, SUBCOMMANDS, type Subcommand} from './args.js';
import {cliContext} from './context.js';
import {helpText} from './help.js';
import {EXIT, type CliIo, type ExitCode} from './io.js';
import {didYouMean} from '../levels/nearest.js';
import {VERSION} from './version.js';

/**
 * The whole command line as a function: argv in, exit code out, output
 * through `io`. `src/cli.tsx` calls it with the real process; tests call it
 * in-process with a fake `io`. Each subcommand's module is imported only when
 * that subcommand runs, so starting the game never evaluates `check` or
 * `validate` (and `--version` or `--help` evaluate almost nothing).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
	const parsed = parseCliArgs(argv);
	if (!parsed.ok) {
		const name = parsed.command === undefined ? 'netquest' : `netquest ${parsed.command}`;
		io.stderr(`${name}: ${parsed.message}\nRun "${name} --help" for usage.\n`);
		return EXIT.usage;
	}
	const {command, args, options} = parsed;
	if (options.version) {
		io.stdout(`${VERSION}\n`);
		return EXIT.ok;
	}
	if (options.help) {
		io.stdout(`${helpText(command === 'help' ? topic(args[0]) : command)}\n`);
		return EXIT.ok;
	}
	if (command === 'help') return help(args, io);
	const context = cliContext(io, options);
	try {
		switch (command) {
			case undefined:
			case 'play':
				return await (await import('./play.js')).playCommand(args, context, command === 'play');
			case 'levels':
				return await (await import('./levels.js')).levelsCommand(args, context);
			case 'check':
				return (await import('./check.js')).checkCommand(args, context);
			case 'validate':
				return (await import('./validate.js')).validateCommand(args, context);
			case 'export':
				return await (await import('./export.js')).exportCommand(args, context);
			case 'lab':
				return await (await import('./lab.js')).labCommand(args, context);
		}
	} catch (error) {
		const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
		io.stderr(`netquest: internal error (a bug in netquest, not in your files): ${detail}\nPlease report it with the command you ran.\n`);
		return EXIT.internal;
	}
}

function topic(word: string | undefined): Subcommand | undefined {
	return SUBCOMMANDS.find((command) => command === word);
}

function help(args: readonly string[], io: CliIo): ExitCode {
	const [word] = args;
	if (word !== undefined && topic(word) === undefined) {
		io.stderr(`netquest help: unknown command ${JSON.stringify(word)}${didYouMean(word, SUBCOMMANDS)}\n`);
		return EXIT.usage;
	}
	io.stdout(`${helpText(topic(word))}\n`);
	return EXIT.ok;
}
