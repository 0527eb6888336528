import type {Resolution} from './resolve.js';
import {renderTrace} from './render-trace.js';
import type {CommandError, Output, ShowTable} from './types.js';
import {columns, wrap} from './wrap.js';

/** Plain-text rendering of inspection outputs and errors, for the CLI and as the UI's fallback. */

function dnsLines(name: string, from: string | undefined, resolution: Resolution): string[] {
	const lines = [`;; QUESTION: ${name}. IN A${from === undefined ? '' : `   (asked from ${from})`}`];
	const answers = resolution.chain.map((link) => [`${link.name.replace(/\.$/, '')}.`, '300', 'IN', link.type, link.type === 'CNAME' ? `${link.value.replace(/\.$/, '')}.` : link.value]);
	if (answers.length > 0) lines.push(';; ANSWER:', ...columns(answers, ' '));
	if (resolution.ok) {
		lines.push(`;; ${name} is ${resolution.address} (${resolution.source === 'container-dns' ? "answered by Docker's embedded DNS" : 'public DNS'})`);
	} else {
		lines.push(...wrap(resolution.message, `;; status: ${resolution.code} — `, ';; '));
	}
	return lines;
}

/** Widest a table may be before its rows are listed one field a line instead (an 80-column terminal). */
const TABLE_WIDTH = 78;

function tableLines(table: ShowTable): string[] {
	if (table.rows.length === 0) return [table.title, '  (none)'];
	const lines = columns([table.columns, ...table.rows]).map((line) => `  ${line}`);
	if (lines.every((line) => [...line].length <= TABLE_WIDTH)) return [table.title, ...lines];
	// Too wide for the terminal: each row becomes its first cell, then its other fields one a line.
	return [
		table.title,
		...table.rows.flatMap((row) => [
			`  ${row[0] ?? ''}`,
			...row.slice(1).flatMap((cell, index) => (cell === '' || cell === '—' ? [] : wrap(cell, `    ${table.columns[index + 1] ?? ''}: `, '      '))),
		]),
	];
}

/** The lines of an inspection output. */
export function renderOutput(output: Output): string[] {
	switch (output.type) {
		case 'trace':
			return renderTrace(output.trace);
		case 'dns':
			return dnsLines(output.name, output.from, output.resolution);
		case 'show': {
			if (output.tables.length === 0) return [`nothing to show for ${output.topic}`];
			return output.tables.flatMap((table, index) => [...(index === 0 ? [] : ['']), ...tableLines(table)]);
		}
		case 'help':
		case 'text':
			return [...output.lines];
	}
}

/**
 * An error under the line it is about: the typed text, a caret line under
 * the offending characters (`   ^^^^`), then the message.
 */
export function renderError(text: string, error: CommandError): string[] {
	const start = Math.max(0, Math.min(error.start, text.length));
	const width = Math.max(1, Math.min(error.end, text.length) - start);
	return [text, `${' '.repeat(start)}${'^'.repeat(width)}`, ...wrap(error.message, '', '  ')];
}
