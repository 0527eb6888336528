import {appSchema, type App, type Network} from '../../engine/network.js';
import {address, flag, portSpec, ref, text} from '../args.js';
import {config, fail} from '../define.js';
import {byId, replaceById, updateHost} from '../edit.js';
import {nearest} from '../suggest.js';
import type {Param} from '../types.js';

/** Apps: programs listening on a port of a host or container. */

/** The apps of a host or container, or undefined when the id names neither. */
function appsOf(network: Network, id: string): readonly App[] | undefined {
	return (byId(network.hosts, id) ?? byId(network.containers, id))?.apps;
}

/** A copy of the network where the host or container `id` has `apps`. */
function withApps(network: Network, id: string, apps: App[]): Network {
	if (byId(network.hosts, id) !== undefined) return updateHost(network, id, (host) => ({...host, apps}));
	return {...network, containers: replaceById(network.containers, id, (container) => ({...container, apps}))};
}

/** The name of an app running on the host or container named by the `host` argument. */
function appName<const N extends string>(name: N): Param<N, string, false> {
	const plain = text(name, '<app>', 'the name of an app on that host');
	return {
		...plain,
		read: (token, context) => {
			const apps = context.network === undefined ? undefined : appsOf(context.network, String(context.args.host));
			if (apps === undefined || apps.some((app) => app.name === token.text)) return {ok: true, value: token.text};
			const names = apps.map((app) => app.name);
			const suggestion = nearest(token.text, names);
			const message =
				suggestion !== undefined
					? `${String(context.args.host)} runs no app named '${token.text}' — did you mean '${suggestion}'?`
					: `${String(context.args.host)} runs no app named '${token.text}' (${names.length === 0 ? 'it runs none' : `apps: ${names.join(', ')}`})`;
			return {ok: false, message, expected: 'the name of an app on that host', ...(suggestion === undefined ? {} : {suggestion})};
		},
		candidates: (context) => (context.network === undefined ? [] : (appsOf(context.network, String(context.args.host)) ?? []).map((app) => app.name)),
	};
}

/** A listener, in real-world terms. */
function listenLine(app: App): string {
	if (app.protocol === 'udp') return `socat UDP-LISTEN:${app.port},bind=${app.bind},fork -   # ${app.name} listens on udp/${app.port}`;
	const known = KNOWN_SERVERS.find((server) => server.pattern.test(app.name));
	if (known !== undefined) return known.line(app.bind, app.port);
	return `python3 -m http.server ${app.port} --bind ${app.bind}   # any server: ${app.name} listens on tcp/${app.port}`;
}

/** How the servers the campaign uses are told where to listen, by their own configuration. */
const KNOWN_SERVERS: readonly {readonly pattern: RegExp; readonly line: (bind: string, port: number) => string}[] = [
	{pattern: /mysql|maria/i, line: (bind, port) => `mysqld --bind-address=${bind} --port=${port}`},
	{pattern: /postgres/i, line: (bind, port) => `postgres -c listen_addresses='${bind === '0.0.0.0' ? '*' : bind}' -p ${port}`},
	{pattern: /fastapi|uvicorn|api/i, line: (bind, port) => `uvicorn main:app --host ${bind} --port ${port}   # FastAPI`},
	{pattern: /ollama/i, line: (bind, port) => `OLLAMA_HOST=${bind}:${port} ollama serve`},
	{pattern: /redis/i, line: (bind, port) => `redis-server --bind ${bind} --port ${port}`},
	{pattern: /web|nginx|http|site/i, line: (bind, port) => `nginx: server { listen ${bind}:${port}; }   # in /etc/nginx/conf.d/`},
];

/** `app add`, `app remove`, `app bind`. */
export const APP_COMMANDS = [
	config({
		name: 'app add',
		summary: 'Start an app listening on a port (tcp unless /udp) of a host or container.',
		example: 'app add web payment 9090',
		details: [
			'--bind 0.0.0.0 (the default) listens on every interface; --bind 127.0.0.1 only on the machine itself.',
			'Two apps cannot listen on the same port and protocol of one machine.',
		],
		params: [ref('host', 'endpoint', '<host>'), text('name', '<name>', 'a name for the app, like website'), portSpec('port'), flag('--bind', address('bind', '<addr>'))],
		apply: (network, args) => {
			const apps = appsOf(network, args.host)!;
			const same = apps.find((app) => app.name === args.name);
			if (same !== undefined) {
				return fail(
					`${args.host} already runs an app named ${args.name} (on ${same.protocol}/${same.port}): give this one its own name, like ${args.name}-${args.port.port}, or change that one with app remove`,
					'name',
				);
			}
			const app = appSchema.parse({name: args.name, port: args.port.port, protocol: args.port.protocol, bind: args.bind ?? '0.0.0.0'});
			return {
				network: withApps(network, args.host, [...apps, app]),
				summary: `${args.name} now listens on ${app.bind}:${app.port}/${app.protocol} on ${args.host}.`,
			};
		},
		realWorld: (args, _before, after) => [listenLine(appsOf(after, args.host)!.find((app) => app.name === args.name)!)],
	}),
	config({
		name: 'app remove',
		summary: 'Stop an app on a host or container.',
		example: 'app remove web mysql',
		params: [ref('host', 'endpoint', '<host>'), appName('app')],
		apply: (network, args) => {
			const apps = appsOf(network, args.host)!;
			return {network: withApps(network, args.host, apps.filter((app) => app.name !== args.app)), summary: `Stopped ${args.app} on ${args.host}.`};
		},
		realWorld: (args) => [`systemctl stop ${args.app}   # on ${args.host}`],
	}),
	config({
		name: 'app bind',
		summary: 'Change the address an app listens on: 0.0.0.0 (everyone), 127.0.0.1 (this machine only) or one of its own.',
		example: 'app bind web mysql 127.0.0.1',
		params: [ref('host', 'endpoint', '<host>'), appName('app'), address('bind', '<addr>')],
		apply: (network, args) => {
			const apps = appsOf(network, args.host)!;
			const app = apps.find((item) => item.name === args.app)!;
			if (app.bind === args.bind) return fail(`${args.app} already listens on ${args.bind}`, 'bind');
			return {
				network: withApps(network, args.host, apps.map((item) => (item === app ? {...item, bind: args.bind} : item))),
				summary: `${args.app} on ${args.host} now listens on ${args.bind}:${app.port} (was ${app.bind}).`,
			};
		},
		realWorld: (args, _before, after) => [listenLine(appsOf(after, args.host)!.find((app) => app.name === args.app)!)],
	}),
];
