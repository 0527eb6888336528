/**
 * `npm run verify:syntax`: every AWS CLI and Docker CLI line netquest prints
 * — for every command of every built-in level's reference solution, of the
 * campaign suite's wrong and other right answers, and of every `help`
 * example — run by the real clients, Debian's `aws` (awscli) and `docker`
 * (docker.io), against nothing: fake credentials and an endpoint on a closed
 * local port, DOCKER_HOST at a socket that does not exist. A client that
 * complains about the line (an unknown option, a missing or malformed
 * parameter) fails the check; one that only says it cannot connect passes.
 * Ids captured with `VAR=$(aws … --query X.YId …)` are stood in for by a
 * plausible id of that kind, so later lines that use `$VAR` run too.
 * Prints each failure and `N passed, M failed`; exit 1 on any failure.
 *
 * Usage: tsx test/kernel/verify-syntax.ts [--verbose]
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {COMMANDS, execute} from '../../src/commands/index.js';
import {exampleRealWorld} from '../../src/commands/help.js';
import type {Network} from '../../src/engine/network.js';
import {loadCatalog, playableLevels, type Level} from '../../src/levels/index.js';
import {OTHER_RIGHT_ANSWERS, WRONG_ANSWERS} from '../campaign/wrong-answers.js';

const AWS = process.env['NETQUEST_AWS'] ?? '/usr/bin/aws';
const DOCKER = process.env['NETQUEST_DOCKER'] ?? '/usr/bin/docker';
const verbose = process.argv.includes('--verbose');

/** Where each printed line came from (the first place it was seen). */
type Printed = {readonly line: string; readonly where: string};

/** The printed lines of a script applied to a level (every command's real-world lines, in order). */
function printedLines(level: Level, script: readonly string[], where: string, into: Map<string, Printed>): void {
	let network: Network = level.network;
	for (const text of script) {
		const result = execute(network, text, level.commands === undefined ? {} : {allowed: level.commands});
		if (result.kind !== 'changed') continue;
		for (const line of result.realWorld) if (!into.has(line)) into.set(line, {line, where: `${where}: ${text}`});
		network = result.network;
	}
}

/** The client a line is for, or undefined when it is for neither. */
function clientOf(line: string): 'aws' | 'docker' | undefined {
	const command = line.replace(/^[A-Z_][A-Z0-9_]*=\$\(/, '').trimStart();
	if (command.startsWith('aws ')) return 'aws';
	if (command.startsWith('docker ')) return 'docker';
	return undefined;
}

/** A plausible id for what `--query …XId` (or the variable's name) selects. */
const ID_KINDS: readonly [RegExp, string][] = [
	[/VpcId|^VPC/i, 'vpc-0a1b2c3d4e5f67890'],
	[/SubnetId|SUBNET/i, 'subnet-0a1b2c3d4e5f67890'],
	[/RouteTableAssociationId|AssociationId.*rtb|RTBASSOC/i, 'rtbassoc-0a1b2c3d4e5f67890'],
	[/RouteTableId|RTB|^RT/i, 'rtb-0a1b2c3d4e5f67890'],
	[/InternetGatewayId|IGW/i, 'igw-0a1b2c3d4e5f67890'],
	[/NatGatewayId|NATGW|^NAT/i, 'nat-0a1b2c3d4e5f67890'],
	[/AllocationId|ALLOC|EIP/i, 'eipalloc-0a1b2c3d4e5f67890'],
	[/AssociationId|ASSOC/i, 'eipassoc-0a1b2c3d4e5f67890'],
	[/GroupId|^SG/i, 'sg-0a1b2c3d4e5f67890'],
	[/NetworkAclId|ACL/i, 'acl-0a1b2c3d4e5f67890'],
	[/NetworkInterfaceId|ENI/i, 'eni-0a1b2c3d4e5f67890'],
	[/InstanceId|INSTANCE|^I_|^WEB|^APP|^DB/i, 'i-0a1b2c3d4e5f67890'],
	[/PublicIp|^IP/i, '203.0.113.99'],
];

function plausibleId(hint: string): string {
	return ID_KINDS.find(([pattern]) => pattern.test(hint))?.[1] ?? 'id-0a1b2c3d4e5f67890';
}

/**
 * Every variable the printed lines assign or use, with a plausible value: from
 * the --query of the line that assigns it, else from its name. A help example
 * is printed alone, so it may use an id (`$PUBLIC`) that another command's
 * line captures.
 */
function variables(lines: readonly string[]): Map<string, string> {
	const found = new Map<string, string>();
	for (const line of lines) {
		for (const match of line.matchAll(/\b([A-Z_][A-Z0-9_]*)=\$\((.*?)\)/g)) {
			const query = /--query\s+'?([A-Za-z0-9_.[\]]+)'?/.exec(match[2]!)?.[1];
			const key = query?.split('.').at(-1) ?? match[1]!;
			found.set(match[1]!, plausibleId(key.replace(/\[.*\]/, '') || match[1]!));
		}
	}
	for (const line of lines) {
		for (const match of line.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g)) if (!found.has(match[1]!)) found.set(match[1]!, plausibleId(match[1]!));
	}
	return found;
}

/** The bash lines that make a captured \`$(aws … --query X)\` give a plausible id of that kind. */
function queryAnswers(): string {
	const cases = ID_KINDS.map(([pattern, id]) => {
		const words = pattern.source.split('|').filter((word) => /^[A-Za-z]+$/.test(word) && /[a-z]/.test(word));
		return words.length === 0 ? '' : `${words.map((word) => `*${word}*`).join('|')}) echo ${id} ;;`;
	}).filter((line) => line !== '');
	return `answer() { case "$*" in *--query*) case "$*" in ${cases.join(' ')} *) echo id-0a1b2c3d4e5f67890 ;; esac ;; esac; }`;
}

/** Runs one line with bash, the clients pointed at nothing; resolves with what the client said when it was not a connection error. */
function runLine(line: string, vars: ReadonlyMap<string, string>, home: string): Promise<string | undefined> {
	const script = [
		'set -u',
		...[...vars].map(([name, value]) => `${name}=${value}`),
		// Each client call: a complaint about the line is recorded; a connection error is what we expect.
		// What a captured call would print (an id of the kind its --query asks for) stands in for AWS's answer.
		queryAnswers(),
		`aws() { out=$("${AWS}" --endpoint-url http://127.0.0.1:9 --cli-connect-timeout 2 "$@" 2>&1 >/dev/null); case "$out" in *"Could not connect to the endpoint URL"*) ;; *) printf 'aws %s\\n  → %s\\n' "$*" "$out" >&3 ;; esac; answer "$@"; }`,
		`docker() { out=$("${DOCKER}" "$@" 2>&1 >/dev/null); case "$out" in *"Cannot connect to the Docker daemon"*|*"failed to connect to the docker API"*) ;; *) printf 'docker %s\\n  → %s\\n' "$*" "$out" >&3 ;; esac; }`,
		line,
	].join('\n');
	return new Promise((resolve) => {
		const env = {
			PATH: process.env['PATH'] ?? '/usr/bin:/bin',
			HOME: home,
			AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
			AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			AWS_DEFAULT_REGION: 'us-east-1',
			AWS_MAX_ATTEMPTS: '1',
			AWS_CONFIG_FILE: '/dev/null',
			AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_PAGER: '',
			DOCKER_HOST: `unix://${path.join(home, 'no-docker.sock')}`,
			DOCKER_CONFIG: path.join(home, '.docker'),
		};
		execFile('bash', ['-c', `exec 3>&1; ${script.replace(/\n/g, '\n')}`], {env, timeout: 60_000}, (error, stdout, stderr) => {
			const complaint = `${stdout}${error !== null && stdout === '' ? `bash: ${stderr.trim() || error.message}` : ''}`.trim();
			resolve(complaint === '' ? undefined : complaint);
		});
	});
}

async function main(): Promise<number> {
	for (const [name, file] of [['aws', AWS], ['docker', DOCKER]] as const) {
		if (!fs.existsSync(file)) {
			console.error(`verify:syntax: no ${name} client at ${file} (Debian: apt-get install ${name === 'aws' ? 'awscli' : 'docker.io'})`);
			return 2;
		}
	}
	const catalog = loadCatalog({builtInDir: fileURLToPath(new URL('../../levels/', import.meta.url))});
	const printed = new Map<string, Printed>();
	for (const entry of playableLevels(catalog)) {
		const level = entry.level;
		printedLines(level, level.solution, `${level.id} solution`, printed);
		for (const answer of WRONG_ANSWERS.filter((item) => item.level === level.id)) printedLines(level, answer.script, `${level.id} wrong answer`, printed);
		for (const answer of OTHER_RIGHT_ANSWERS.filter((item) => item.level === level.id)) printedLines(level, answer.script, `${level.id} right answer`, printed);
	}
	for (const definition of COMMANDS) {
		for (const line of exampleRealWorld(COMMANDS, definition)) if (!printed.has(line)) printed.set(line, {line, where: `help ${definition.name}: ${definition.example}`});
	}
	const lines = [...printed.values()].filter((item) => clientOf(item.line) !== undefined);
	const vars = variables(lines.map((item) => item.line));
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'netquest-syntax-'));
	const started = Date.now();
	let passed = 0;
	let failed = 0;
	try {
		let next = 0;
		await Promise.all(
			Array.from({length: 4}, async () => {
				while (next < lines.length) {
					const item = lines[next++]!;
					const complaint = await runLine(item.line, vars, home);
					if (complaint === undefined) {
						passed++;
						if (verbose) console.log(`  ✓ ${item.line}`);
					} else {
						failed++;
						console.log(`  ✗ ${item.line}\n      (${item.where})\n      ${complaint.replace(/\n/g, '\n      ')}`);
					}
				}
			}),
		);
	} finally {
		fs.rmSync(home, {recursive: true, force: true});
	}
	const clients = (name: string) => lines.filter((item) => clientOf(item.line) === name).length;
	console.log(`verify:syntax: ${lines.length} printed lines (${clients('aws')} aws, ${clients('docker')} docker) run by ${AWS} and ${DOCKER} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(3);
	},
);
