import type {Subcommand} from './args.js';

/**
 * `--help` texts: one for netquest, one per subcommand. Kept in step with
 * docs/cli.md.
 */

const COMMON_FLAGS = `Flags for every command:
  --levels <dir>     also read the levels in this folder (repeatable)
  --data-dir <dir>   where progress is kept (default: $NETQUEST_HOME, else the
                     netquest folder in your config directory)
  --no-color         no colours (NO_COLOR=1 works too)
  -h, --help         show help
  -v, --version      print the version`;

const EXIT_CODES = 'Exit codes: 0 ok, 1 problems found or not solved, 2 bad usage or input, 3 internal error.';

const MAIN = `netquest: learn networking by building the network of TravelBuddy, a travel site.

Usage:
  netquest                       play (needs a terminal)
  netquest play <level-id>       open that level's briefing straight away
  netquest levels [--json]       list the levels and your progress
  netquest check <level-file|level-id> <solution-file> [--json]
                                 grade a solution file against a level
  netquest validate <file|dir>...
                                 check level files for every problem
  netquest export <level-id>     print your saved commands as a solution file
  netquest lab <level> [hand-in | --saved]
                                 (root) build the level's network as Linux
                                 network namespaces to explore with real tools
  netquest help [command]        help for a command

${COMMON_FLAGS}

${EXIT_CODES}
Run "netquest help <command>" for details and examples.`;

const HELP: Readonly<Record<Subcommand, string>> = {
	play: `Usage: netquest play [level-id]

Starts the game (it needs a terminal). With a level id (see "netquest levels",
or "sandbox"), the game opens that level's briefing instead of the map, so a
handout can say "netquest play 09-nat".

${COMMON_FLAGS}

Exit codes: 0 quit normally, 2 unknown level id or no terminal.

Example:
  netquest play 09-nat`,
	levels: `Usage: netquest levels [--json] [--levels <dir>]...

Lists every level, pack by pack: id, title, chapter, concepts, file, and your
status (new, started, solved with its stars, or broken with its problems).
--json prints {"levels": [...], "problems": [...]} instead.

${COMMON_FLAGS}

Exit code: 0 (broken levels are listed, not fatal); 2 on bad usage.`,
	check: `Usage: netquest check <level-file|level-id> <solution-file> [--json]

Applies the solution (one command a line, # starts a comment) to the level's
start network and grades the result with the checker engine.
The level is a level file, or the id of a level in the built-in campaign, your
level folder or a --levels folder.

Human output: each goal with ✓ or ✗, why, and for a failing goal the component
that blocked it; then the stars. --json prints the full report: solved,
stars, commands, par, exposure, and per goal id, description, passed, code
and the trace. The same input always gives byte-identical JSON.

${COMMON_FLAGS}

Exit codes: 0 solved, 1 not solved, 2 bad input (unreadable or broken level,
a solution line that does not parse or apply: its line number is shown).

Example:
  netquest check levels/01-dns.json alice.txt --json > alice.json`,
	validate: `Usage: netquest validate <file|dir>...

Checks level files for every problem, not just the first: JSON syntax, the
schema, unknown fields, references to things that do not exist, a reference
solution that does not parse, apply or solve the level, a start network that
is already solved, and level ids used twice. A folder is checked with its
pack.json and its sub-folders. Each problem is one line:
  levels/07-nat.json:41:7: route target "nat-2" does not exist (at /network/routeTables/1/routes/0/target)

${COMMON_FLAGS}

Exit codes: 0 clean, 1 problems found, 2 bad usage (no path, missing path).`,
	export: `Usage: netquest export <level-id>

Prints your saved commands for a level (the work in progress the game keeps)
as a solution file, with a # header naming the level, ready for
"netquest check".

${COMMON_FLAGS}

Exit codes: 0 printed, 1 nothing saved for that level yet, 2 unknown level id.

Example:
  netquest export 01-dns > 01-dns.txt && netquest check 01-dns 01-dns.txt`,
	lab: `Usage: netquest lab <level-file|level-id> [hand-in-file | --saved]
       netquest lab --clean

Builds the level's on-premises or Docker network on this machine's Linux
kernel, as network namespaces: one per host and per container, a bridge per
subnet, a namespace playing the internet. The start state goes on as the
ip, iptables and sysctl lines netquest prints, then the hand-in (or, with
--saved, your saved work) as the real-world lines of each command; Docker's
networks and published ports get the iptables rules Docker installs. Apps
are small servers (an HTTP answer, else one line); DNS is each machine's
/etc/hosts. It prints how to enter each machine (ip netns exec <ns> bash),
and removes everything when you press Enter, at end of input or on Ctrl-C.
Nothing is connected to the machine's own network: no traffic leaves.

Needs root, Linux, ip (iproute2) and iptables. AWS levels (VPCs, security
groups, network ACLs) cannot be built. --clean removes every lab namespace a
killed run left behind (names starting nq and four characters).

${COMMON_FLAGS}

Exit codes: 0 built and removed, 1 nothing saved (--saved), 2 bad usage,
not root, a level the lab cannot build, or a hand-in line that does not apply.

Example:
  sudo netquest lab 07-host-firewall levels/solutions/07.txt
  sudo ip netns exec nq3f9a-web iptables -S          (in another terminal)`,
	help: `Usage: netquest help [command]

Shows help for netquest or for one command: ${['play', 'levels', 'check', 'validate', 'export', 'lab'].join(', ')}.`,
};

/** The help text for a subcommand, or netquest's own when none is given (no trailing newline). */
export function helpText(command?: Subcommand): string {
	return command === undefined ? MAIN : HELP[command];
}
