import {describe, expect, it} from 'vitest';
import {lineText} from '../text/styled-line.js';
import {deliveredTrace, fixtureNetwork, fixtureTrace} from '../test-helpers/fixtures.js';
import {quoteDecider} from '../../commands/index.js';
import {hopListLines, outcomeLines, packetSegments, pathDiagram, pathLine, rewrites, stepLines} from './trace-lines.js';
import {initialTraceView, traceViewReducer} from './use-trace-view-state.js';

const network = fixtureNetwork();
const at = (step: number) => ({...initialTraceView(fixtureTrace(), 'curl', network), step});
const text = (lines: readonly (readonly {text: string}[])[]) => lines.map((line) => line.map((part) => part.text).join(''));

describe('packet text', () => {
	it('marks exactly the fields a translation changed', () => {
		const hop = fixtureTrace().hops[1]!;
		const segments = packetSegments(hop.after!, hop.packet);
		expect(segments.map((part) => part.text).join('')).toBe('tcp 198.51.100.7:1024-65535 → 10.0.1.20:80');
		expect(segments.filter((part) => part.tone === 'changed').map((part) => part.text)).toEqual(['10.0.1.20', '80']);
		expect(rewrites(hop.packet, hop.after!)).toEqual(['destination 203.0.113.1:8080 ⇒ 10.0.1.20:80']);
		expect(packetSegments(hop.packet).some((part) => part.tone === 'changed')).toBe(false);
	});
});

describe('the trace view lines', () => {
	it('draws the path with the current stop in brackets and the blocking stop marked', () => {
		const line = pathLine(fixtureTrace(), 1);
		expect(lineText(line)).toBe('laptop → [gw] → ✗ db');
		expect(line.find((part) => part.text === '✗ db')?.tone).toBe('bad');
		expect(lineText(pathLine(fixtureTrace(), 3))).toBe('laptop → gw → [✗ db]');
	});

	it('draws the path as boxes, the current stop in a heavy box, and falls back to the strip when narrow', () => {
		expect(text(pathDiagram(fixtureTrace(), 1, 80))).toEqual([
			'┌────────┐   ┏━━━━┓   ┌──────┐',
			'│ laptop │ → ┃ gw ┃ → │ ✗ db │',
			'└────────┘   ┗━━━━┛   └──────┘',
		]);
		expect(text(pathDiagram(fixtureTrace(), 1, 20))).toEqual(['laptop → [gw] → ✗ db']);
	});

	it('keeps a node the reply sets off from as one stop, and draws the way back with ⇠', () => {
		const base = deliveredTrace();
		const packet = base.hops[0]!.packet;
		const trace = {...base, hops: [{node: 'laptop', action: 'leave', packet, note: 'out'}, {node: 'web', action: 'deliver', packet, note: 'in'}, {node: 'web', action: 'reply', packet, note: 'back'}, {node: 'laptop', action: 'reply', packet, note: 'home'}] as const};
		expect(lineText(pathLine(trace, 2))).toBe('laptop → [web] ⇠ laptop');
	});

	it('shows a translate hop with its rewrite and the port forward quoted from the network', () => {
		const lines = text(stepLines(at(1), 80));
		expect(lines[0]).toBe('Hop 2 of 4 · at gw · translate');
		expect(lines).toContain('packet      tcp 198.51.100.7:1024-65535 → 203.0.113.1:8080');
		expect(lines).toContain('after       tcp 198.51.100.7:1024-65535 → 10.0.1.20:80');
		expect(lines).toContain('rewritten   destination 203.0.113.1:8080 ⇒ 10.0.1.20:80');
		expect(lines).toContain('decided by  port forward #1 of gw: tcp 8080 → 10.0.1.20:80');
	});

	it('quotes nothing when the network the trace ran over is not known', () => {
		const lines = text(stepLines({...initialTraceView(fixtureTrace(), 'curl'), step: 1}, 80));
		expect(lines).toContain('decided by  port forward #1 of gw');
	});

	it('marks the blocking hop with the outcome code and its explanation', () => {
		const lines = text(stepLines(at(3), 100));
		expect(lines.some((line) => line.startsWith('✗ Blocked here: DENIED_BY_HOST_FIREWALL'))).toBe(true);
		expect(lines.join('\n')).toContain("db's firewall dropped the connection.");
		expect(text(stepLines(at(2), 100)).join('\n')).not.toContain('Blocked here');
	});

	it('shows the outcome after the last hop', () => {
		const lines = text(stepLines(traceViewReducer(at(0), {type: 'last'}), 80));
		expect(lines[0]).toBe('Result · after 4 hops');
		expect(lines[1]).toBe('✗ DENIED_BY_HOST_FIREWALL at db');
		expect(text(outcomeLines(fixtureTrace(), network, 80)).at(-1)).toBe("db's firewall dropped the connection.");
	});

	it('lists the hops around the current one', () => {
		const lines = text(hopListLines(at(1), 60, 10));
		expect(lines).toHaveLength(4);
		expect(lines[1]!.startsWith('›  2 gw translate')).toBe(true);
		expect(lines[3]!.startsWith('✗  4 db drop')).toBe(true);
		expect(hopListLines(at(1), 60, 2)).toHaveLength(2);
	});
});

describe('quoteDecider', () => {
	it.each([
		[{kind: 'route', id: 'rt-office', index: 0}, 'route table rt-office, route #1: 0.0.0.0/0 → gw'],
		[{kind: 'firewall-rule', id: 'web', list: 'input', index: 0}, 'firewall of web, input rule #1: allow tcp 22 from 10.0.1.0/24'],
		[{kind: 'firewall-policy', id: 'web', list: 'input'}, 'firewall of web, input policy: deny (no rule matched)'],
		[{kind: 'dns-record', id: 'travelbuddy.com', index: 0}, 'DNS record travelbuddy.com: travelbuddy.com A 203.0.113.10'],
		[{kind: 'app', id: 'db', index: 0}, 'app #1 on db: mysql 3306/tcp @127.0.0.1'],
		[{kind: 'internet-gateway', id: 'igw-1'}, 'internet gateway igw-1'],
		[{kind: 'route', id: 'missing', index: 4}, 'route table missing, route #5'],
		[{kind: 'route', id: 'rt-office'}, 'route table rt-office: no route matches'],
		[{kind: 'route', id: 'rt-office', list: 'local'}, 'route table rt-office, the local route'],
	] as const)('%o', (decider, expected) => {
		expect(quoteDecider(network, decider)).toBe(expected);
	});
});

describe('packetSegments', () => {
	it('shows a reply to any ephemeral port as the whole range, not its first port', () => {
		const reply = {protocol: 'tcp', src: '203.0.113.10', srcPort: '443', dst: '198.51.100.20', dstPort: 1024, dstPortRange: '1024-65535'} as const;
		expect(packetSegments(reply).map((segment) => segment.text).join('')).toBe('tcp 203.0.113.10:443 → 198.51.100.20:1024-65535');
	});
});
