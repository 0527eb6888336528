import type {Decider} from './flow.js';
import {describeRanges, evaluateNacl, type NaclDecision} from './nacl.js';
import {EPHEMERAL_PORTS, formatPortRange} from './ports.js';
import {fail, ip, move, portWords, record, type Position, type Step, type Walk, type Wire} from './walk.js';

/**
 * Subnet boundaries: the network ACLs a packet meets when it leaves one
 * subnet and enters another. Traffic that stays inside one subnet is not
 * filtered by its ACL (as in AWS); the internet and Docker bridges have none.
 */

type Direction = 'inbound' | 'outbound';

function deciderOf(aclId: string, direction: Direction, decision: NaclDecision): Decider {
	if (decision.rule === undefined) return {kind: 'nacl-default', id: aclId, list: direction};
	return {kind: 'nacl-rule', id: aclId, list: direction, rule: decision.rule.rule.rule, index: decision.rule.index};
}

function ruleWords(decision: NaclDecision): string {
	return decision.rule === undefined ? 'the final deny rule (*)' : `rule ${decision.rule.rule.rule}`;
}

/** Checks one ACL of one subnet; undefined when the packet may go on. */
function checkAcl(walk: Walk, subnetId: string, direction: Direction, wire: Wire): Step | undefined {
	const aclId = walk.topology.subnets.get(subnetId)?.networkAcl;
	if (aclId === undefined) return undefined;
	// An ACL id that does not exist behaves like the default ACL (validation reports the reference).
	const rules = walk.topology.naclRules.get(aclId);
	if (rules === undefined) return undefined;
	const inbound = direction === 'inbound';
	const verdict = evaluateNacl(rules[direction], {protocol: wire.protocol, address: inbound ? wire.src : wire.dst, ports: wire.dstPort});
	const where = inbound ? `into subnet ${subnetId} from ${ip(wire.src)}` : `out of subnet ${subnetId} to ${ip(wire.dst)}`;
	const decidedBy = deciderOf(aclId, direction, verdict.deciding);
	const reply = walk.phase === 'reply';
	const what = `${reply ? 'the reply' : wire.protocol} ${portWords(wire.dstPort)}`;
	if (verdict.allowed) {
		const rules = [...new Set(verdict.decisions.map(ruleWords))].join(' and ');
		record(walk, subnetId, 'filter', wire, `Network ACL ${aclId} (${direction}) lets ${what} ${where}: allowed by ${rules}.`, {decidedBy});
		return undefined;
	}
	const deniedPorts = describeRanges(verdict.denied.map((decision) => decision.range));
	if (!reply) {
		const because = verdict.deciding.rule === undefined ? 'no rule allows it, so the final deny rule (*) drops it' : `${ruleWords(verdict.deciding)} denies it`;
		return fail(walk, subnetId, 'DENIED_BY_NACL', `Network ACL ${aclId} (${direction}) drops ${wire.protocol} ${portWords(wire.dstPort)} ${where}: ${because}.`, wire, decidedBy);
	}
	const because = verdict.deciding.rule === undefined ? 'no rule allows them, so the final deny rule (*) applies' : `${ruleWords(verdict.deciding)} denies them`;
	const ephemeral = wire.dstPort.from === EPHEMERAL_PORTS.from && wire.dstPort.to === EPHEMERAL_PORTS.to;
	const clientPorts = ephemeral ? `the client's ephemeral ports ${formatPortRange(EPHEMERAL_PORTS)}` : `the client's port`;
	const single = verdict.denied.length === 1 && verdict.deciding.range.from === verdict.deciding.range.to;
	const message =
		`The request got through, but network ACL ${aclId} (${direction}) drops its reply ${where} on ${single ? 'port' : 'ports'} ${deniedPorts} (${because}); ` +
		`ACLs are stateless, so the reply to ${clientPorts} must be allowed too.`;
	return fail(walk, subnetId, 'DENIED_BY_NACL', message, wire, decidedBy);
}

/** Checks the ACLs on the way from subnet `egress` into subnet `ingress` (either may be undefined: a gateway). */
export function crossBoundary(walk: Walk, wire: Wire, egress: string | undefined, ingress: string | undefined): Step | undefined {
	if (egress !== undefined && egress === ingress) return undefined;
	if (egress !== undefined) {
		const stopped = checkAcl(walk, egress, 'outbound', wire);
		if (stopped !== undefined) return stopped;
	}
	return ingress === undefined ? undefined : checkAcl(walk, ingress, 'inbound', wire);
}

/** Crosses the subnet boundary (if any) and moves the packet to `position`. */
export function travel(walk: Walk, position: Position, wire: Wire, egress?: string, ingress?: string): Step {
	const stopped = crossBoundary(walk, wire, egress, ingress);
	return stopped ?? move(walk, position, wire);
}
