import {describe, expect, it} from 'vitest';
import {COMMANDS, helpFor} from './index.js';

describe('helpFor', () => {
	it('lists every command, generated from the table', () => {
		const lines = helpFor();
		for (const definition of COMMANDS) expect(lines.some((line) => line.trimStart().startsWith(`${definition.name} `)), definition.name).toBe(true);
		expect(lines.filter((line) => line.length > 78)).toEqual([]);
	});

	it('explains one command: usage, summary, example and real world', () => {
		expect(helpFor('route add')).toEqual([
			'route add <table> <cidr> [via] <target>',
			'  Send traffic for a block to a target: a router (or via its address), a',
			'  gateway, local or blackhole.',
			'  The longest matching prefix wins: a /25 beats a /24 for the addresses inside',
			'  it.',
			'  0.0.0.0/0 is the default route: it matches every destination that nothing',
			'  longer matches.',
			'',
			'  example:     route add rt-private 0.0.0.0/0 nat-1',
			'  real world:  aws ec2 create-route --route-table-id rt-private --destination-cidr-block 0.0.0.0/0 --nat-gateway-id nat-1',
		]);
	});

	it('lists the commands of a noun', () => {
		const lines = helpFor('nacl');
		expect(lines.filter((line) => line.startsWith('nacl '))).toEqual([
			'nacl create <id> [--vpc <vpc>]',
			'nacl add <nacl> inbound|outbound <rule#> allow|deny tcp|udp|all [<ports>] <cidr>',
			'nacl remove <nacl> inbound|outbound <rule#>',
			'nacl associate <nacl> <subnet>',
		]);
	});

	it('suggests the nearest command for an unknown one', () => {
		expect(helpFor('firewal insert')[0]).toBe("no command 'firewal insert' — did you mean 'firewall insert'?");
	});

	it('gives the generated usage of commands with flags and optional parts', () => {
		const usage = (name: string) => COMMANDS.find((definition) => definition.name === name)!.usage;
		expect(usage('firewall insert')).toBe('firewall insert <host> input|output|forward [<position>] allow|deny|reject [established] [tcp|udp|all] [<ports>] [from <cidr>] [to <cidr>] [on lo]');
		expect(usage('container run')).toBe('container run <id> <host> [--image <image>] [--network <network>] [--ip <ip>] [--publish [<ip>:]<hostPort>:<containerPort>[/udp]]…');
		expect(usage('nc')).toBe('nc [-z] [-u] <from> <host|name|ip> <port>');
		expect(usage('help')).toBe('help [<command>…]');
	});
});
