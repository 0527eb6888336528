import type {Network} from '../../engine/network.js';
import {type StyledLine, seg, truncateLine} from '../text/styled-line.js';
import {networkLines} from './network-lines.js';

/** The network panel for `height` rows: a title row and one page of the drawing; `page` wraps around (pure). */
export function networkPanelLines(network: Network, width: number, height: number, page: number): StyledLine[] {
	if (height <= 0 || width <= 0) return [];
	const lines = networkLines(network, width);
	const size = Math.max(1, height - 1);
	const pages = Math.max(1, Math.ceil(lines.length / size));
	const current = ((page % pages) + pages) % pages;
	const title: StyledLine = [seg('Network', 'title'), seg(pages > 1 ? `  page ${current + 1}/${pages} · ^N/^P` : '', 'dim')];
	return [truncateLine(title, width), ...lines.slice(current * size, current * size + size)];
}
