// The module itself, not the command language's index: drawing must not pull the command table in.
import {kindWord, type TopologyModel, type TopologyNode, type TopologyPlace, type TraceOverlay} from '../../commands/topology-model.js';
import {type Segment, type StyledLine, lineWidth, padLine, seg, truncateLine} from '../text/styled-line.js';
import {wrapLine} from '../text/wrap.js';

/**
 * The topology picture as styled lines (pure): every place a box, nested
 * places boxes inside it (a VPC holds its subnets, a subnet its machines),
 * gateways on the VPC's edge. With a trace, each machine the packet passed
 * carries `•` and its hop numbers, the machine it is at now `▶` with what
 * happens there (a rewrite: NAT, a published port), and the one where it was
 * dropped `✗` with what dropped it. Marks are characters, so they read the
 * same without colour.
 */

/** The picture's lines, and the row of the current mark (to keep in view). */
export type TopologyLines = {readonly lines: readonly StyledLine[]; readonly focusRow?: number};

const TITLE_WORD: Readonly<Record<TopologyPlace['kind'], string>> = {
	internet: 'internet',
	vpc: 'VPC',
	site: 'on-premises',
	subnet: 'subnet',
	'docker-host': 'Docker on',
	'container-network': 'network',
	unplaced: 'not placed yet',
};

function mark(node: TopologyNode, overlay: TraceOverlay | undefined): Segment {
	if (overlay === undefined) return seg('  ');
	if (overlay.current === node.id) return seg('▶ ', 'selected');
	if (overlay.current === undefined && overlay.droppedAt === node.id) return seg('✗ ', 'bad');
	if (overlay.visited.has(node.id)) return seg('• ', 'accent');
	return seg('  ');
}

function nodeLines(node: TopologyNode, overlay: TraceOverlay | undefined, width: number): {lines: StyledLine[]; focus: boolean} {
	const head: Segment[] = [mark(node, overlay), seg(node.id, 'strong')];
	if (node.address !== undefined) head.push(seg(` ${node.address}`));
	if (node.publicAddress !== undefined) head.push(seg(` ⇄ ${node.publicAddress}`, 'accent'));
	if (node.kind !== 'server' && node.kind !== 'container') head.push(seg(` (${kindWord(node.kind)})`, 'dim'));
	if (node.alsoIn.length > 0) head.push(seg(` ↔ ${node.alsoIn.join(', ')}`, 'warn'));
	const hops = overlay?.visited.get(node.id);
	if (hops !== undefined) head.push(seg(` #${hops.join(',')}`, 'dim'));
	const lines = wrapLine(head, width, 4);
	if (node.facts.length > 0) lines.push(...wrapLine([seg(`    ${node.facts.join(' · ')}`, 'dim')], width, 6));
	const focus = overlay !== undefined && (overlay.current === node.id || (overlay.current === undefined && overlay.droppedAt === node.id));
	if (overlay?.current === node.id && overlay.currentNote !== undefined) {
		lines.push(...wrapLine([seg('    ↳ ', 'accent'), seg(overlay.currentNote, overlay.currentNote.includes('⇒') ? 'changed' : undefined)], width, 6));
	}
	if (overlay !== undefined && overlay.current === undefined && overlay.droppedAt === node.id) lines.push(...wrapLine([seg('    ✗ ', 'bad'), seg(overlay.outcome, 'bad')], width, 6));
	return {lines, focus};
}

function titleOf(place: TopologyPlace, overlay: TraceOverlay | undefined): StyledLine {
	const here = overlay?.visited.get(place.id);
	const current = overlay?.current === place.id;
	const word = TITLE_WORD[place.kind];
	const id = place.kind === 'internet' || place.kind === 'site' || place.kind === 'unplaced' ? '' : ` ${place.id}`;
	const dropped = overlay !== undefined && overlay.current === undefined && overlay.droppedAt === place.id;
	return [
		...(current ? [seg('▶ ', 'selected')] : dropped ? [seg('✗ ', 'bad')] : here !== undefined ? [seg('• ', 'accent')] : []),
		seg(`${word}${id}`, 'title'),
		...(place.facts.length > 0 ? [seg(` ${place.facts.join(' · ')}`, 'dim')] : []),
		...(here !== undefined ? [seg(` #${here.join(',')}`, 'dim')] : []),
	];
}

/** Box edges: square for subnets and networks, heavy for VPCs, rounded for the internet. */
function edges(kind: TopologyPlace['kind']): readonly [string, string, string, string, string, string] {
	if (kind === 'vpc' || kind === 'site' || kind === 'docker-host') return ['┏', '┓', '┗', '┛', '━', '┃'];
	if (kind === 'internet') return ['╭', '╮', '╰', '╯', '─', '│'];
	return ['┌', '┐', '└', '┘', '─', '│'];
}

function placeLines(place: TopologyPlace, overlay: TraceOverlay | undefined, width: number): {lines: StyledLine[]; focus?: number} {
	const [tl, tr, bl, br, h, v] = edges(place.kind);
	const inner = Math.max(4, width - 4);
	const head = truncateLine(titleOf(place, overlay), Math.max(1, width - 5));
	const top: StyledLine = [seg(`${tl} `, 'dim'), ...head, seg(` ${h.repeat(Math.max(0, width - 4 - lineWidth(head)))}${tr}`, 'dim')];
	const body: StyledLine[] = [];
	let focus: number | undefined;
	const note = (rows: StyledLine[], isFocus: boolean): void => {
		if (isFocus && focus === undefined) focus = body.length;
		body.push(...rows);
	};
	// A subnet is a hop of its own where its network ACL decides: say what happens there, as under a machine.
	if (overlay?.current === place.id && overlay.currentNote !== undefined) {
		note(wrapLine([seg('↳ ', 'accent'), seg(overlay.currentNote, overlay.currentNote.includes('⇒') ? 'changed' : undefined)], inner, 2), true);
	} else if (overlay !== undefined && overlay.current === undefined && overlay.droppedAt === place.id) {
		note(wrapLine([seg('✗ ', 'bad'), seg(overlay.outcome, 'bad')], inner, 2), true);
	}
	for (const gateway of place.edge) {
		const drawn = nodeLines({...gateway, alsoIn: []}, overlay, inner - 0);
		note([[...drawn.lines[0]!, seg(' ↕ internet', 'warn')], ...drawn.lines.slice(1)].map((row) => truncateLine(row, inner)), drawn.focus);
	}
	for (const node of place.nodes) {
		const drawn = nodeLines(node, overlay, inner);
		note(drawn.lines, drawn.focus);
	}
	for (const child of place.places) {
		const drawn = placeLines(child, overlay, inner);
		if (drawn.focus !== undefined && focus === undefined) focus = body.length + drawn.focus;
		body.push(...drawn.lines);
	}
	if (body.length === 0) body.push([seg('(empty)', 'dim')]);
	const rows = body.map((row): StyledLine => [seg(`${v} `, 'dim'), ...padLine(row, inner), seg(` ${v}`, 'dim')]);
	const bottom: StyledLine = [seg(`${bl}${h.repeat(Math.max(0, width - 2))}${br}`, 'dim')];
	return {lines: [top, ...rows, bottom], ...(focus === undefined ? {} : {focus: focus + 1})};
}

/** The whole picture at `width` columns, with the trace overlay if given. */
export function topologyLines(model: TopologyModel, width: number, overlay?: TraceOverlay): TopologyLines {
	const lines: StyledLine[] = [];
	let focusRow: number | undefined;
	for (const place of model.places) {
		// An empty internet box says nothing in a network that has other places.
		if (place.kind === 'internet' && place.nodes.length === 0 && model.places.length > 1 && !overlay?.visited.has(place.id)) continue;
		const drawn = placeLines(place, overlay, width);
		if (drawn.focus !== undefined && focusRow === undefined) focusRow = lines.length + drawn.focus;
		if (overlay?.current === place.id && focusRow === undefined) focusRow = lines.length;
		lines.push(...drawn.lines);
	}
	if (lines.length === 0) lines.push([seg('(an empty network)', 'dim')]);
	return {lines, ...(focusRow === undefined ? {} : {focusRow})};
}
