/**
 * The lab's agent: a small Node.js program started inside each namespace
 * (`ip netns exec <ns> node agent.mjs '<json>'`). It serves the node's apps
 * (TCP: an HTTP answer to an HTTP request, else a one-line banner; UDP: a
 * one-line answer to every datagram), runs a Docker host's docker-proxy
 * forwarders, and answers probes written to its stdin as JSON lines —
 * `{"id":1,"protocol":"tcp","to":"travelbuddy.com","port":443,"timeout":1500}`
 * — with `{"id":1,"result":"connected"|"refused"|"timeout"|"unreachable"|"nxdomain"|"denied"|"error","address":…}`.
 * A UDP server says `{"event":"heard","token":…}` for each probe datagram it
 * receives, so a datagram that arrives but whose answer is lost is told apart
 * from one that never arrived.
 * Names are looked up with getaddrinfo, so the namespace's /etc/hosts decides.
 * It is written to a file when a lab starts, so the bundled CLI needs no extra file.
 */
export const AGENT_SOURCE = String.raw`
import net from 'node:net';
import dgram from 'node:dgram';
import dns from 'node:dns';
import readline from 'node:readline';
import {execFile} from 'node:child_process';

const spec = JSON.parse(process.argv[2]);
const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const words = (name) => name + ' on ' + spec.node + ' (netquest lab)';
let pending = spec.apps.length + spec.proxies.length;
const listening = () => { if (--pending === 0) say({event: 'ready'}); };
const failed = (app, port, error) => { say({event: 'error', app, port, message: error.message}); listening(); };
if (pending === 0) say({event: 'ready'});

function serveTcp(app) {
	const server = net.createServer((socket) => {
		let answered = false;
		const answer = (text) => { if (!answered) { answered = true; socket.end(text); } };
		const timer = setTimeout(() => answer(words(app.name) + '\n'), 300);
		socket.on('data', (data) => {
			clearTimeout(timer);
			const text = data.toString('latin1');
			if (/^[A-Z]+ \S+ HTTP\//.test(text)) answer('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n' + words(app.name) + '\n');
			else answer(words(app.name) + '\n');
		});
		socket.on('error', () => {});
		socket.on('close', () => clearTimeout(timer));
	});
	server.on('error', (error) => failed(app.name, app.port, error));
	server.listen({port: app.port, host: app.bind, exclusive: true}, listening);
}

function serveUdp(app) {
	const socket = dgram.createSocket('udp4');
	socket.on('message', (message, peer) => {
		const token = /^netquest probe (\S+)/.exec(message.toString('latin1'));
		if (token) say({event: 'heard', token: token[1]});
		socket.send(words(app.name) + '\n', peer.port, peer.address);
	});
	socket.on('error', (error) => failed(app.name, app.port, error));
	socket.bind(app.port, app.bind, listening);
}

function proxyTcp(proxy) {
	const server = net.createServer((client) => {
		const upstream = net.connect(proxy.toPort, proxy.toIp);
		client.pipe(upstream).pipe(client);
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	server.on('error', (error) => failed('docker-proxy', proxy.listenPort, error));
	server.listen({port: proxy.listenPort, host: proxy.listenIp, exclusive: true}, listening);
}

function proxyUdp(proxy) {
	const socket = dgram.createSocket('udp4');
	socket.on('message', (message, peer) => {
		const upstream = dgram.createSocket('udp4');
		upstream.on('message', (answer) => { socket.send(answer, peer.port, peer.address); upstream.close(); });
		upstream.on('error', () => upstream.close());
		upstream.send(message, proxy.toPort, proxy.toIp);
		setTimeout(() => { try { upstream.close(); } catch {} }, 5000);
	});
	socket.on('error', (error) => failed('docker-proxy', proxy.listenPort, error));
	socket.bind(proxy.listenPort, proxy.listenIp, listening);
}

for (const app of spec.apps) (app.protocol === 'udp' ? serveUdp : serveTcp)(app);
for (const proxy of spec.proxies) (proxy.protocol === 'udp' ? proxyUdp : proxyTcp)(proxy);

const ERRORS = {ECONNREFUSED: 'refused', ECONNRESET: 'refused', EHOSTUNREACH: 'unreachable', ENETUNREACH: 'unreachable', EINVAL: 'unreachable', EPERM: 'denied', EACCES: 'denied', ETIMEDOUT: 'timeout'};
const classify = (error) => ERRORS[error.code] ?? 'error';

function tcp(request, address) {
	return new Promise((resolve) => {
		const socket = net.connect({host: address, port: request.port, ...(request.sourcePort ? {localPort: request.sourcePort} : {})});
		const timer = setTimeout(() => { socket.destroy(); resolve('timeout'); }, request.timeout);
		socket.on('connect', () => { clearTimeout(timer); socket.destroy(); resolve('connected'); });
		socket.on('error', (error) => { clearTimeout(timer); resolve(classify(error)); });
	});
}

function udp(request, address) {
	return new Promise((resolve) => {
		const socket = dgram.createSocket('udp4');
		const done = (result) => { clearTimeout(timer); try { socket.close(); } catch {} resolve(result); };
		const timer = setTimeout(() => done('timeout'), request.timeout);
		socket.on('message', () => done('connected'));
		socket.on('error', (error) => done(classify(error)));
		socket.bind(request.sourcePort ?? 0, () => socket.connect(request.port, address, (error) => {
			if (error) done(classify(error));
			else socket.send('netquest probe ' + request.token + '\n', (sent) => { if (sent) done(classify(sent)); });
		}));
	});
}

function icmp(request, address) {
	return new Promise((resolve) => {
		execFile('ping', ['-n', '-c', '1', '-W', String(Math.max(1, Math.ceil(request.timeout / 1000))), address], (error) => resolve(error ? 'timeout' : 'connected'));
	});
}

async function probe(request) {
	let address = request.to;
	if (net.isIP(address) === 0) {
		try { address = (await dns.promises.lookup(request.to, {family: 4})).address; }
		catch { return {id: request.id, result: 'nxdomain'}; }
	}
	const run = request.protocol === 'udp' ? udp : request.protocol === 'icmp' ? icmp : tcp;
	return {id: request.id, result: await run(request, address), address};
}

readline.createInterface({input: process.stdin}).on('line', (line) => {
	if (line.trim() === '') return;
	probe(JSON.parse(line)).then(say, (error) => say({id: JSON.parse(line).id, result: 'error', message: String(error)}));
});
process.stdin.on('end', () => process.exit(0));
`;
