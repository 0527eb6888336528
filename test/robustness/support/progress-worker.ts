import fs from 'node:fs';
import path from 'node:path';
import {openProgressStore, PROGRESS_FILE} from '../../../src/store/index.js';

/**
 * A second (third…) netquest process for the two-games tests.
 * - `write <dataDir> <name> <count>`: opens the store and, `count` times,
 *   saves a draft and records a result on a level of its own
 *   (`<name>-<n>`) and on the level both games play (`shared`).
 * - `read <dataDir>`: reads progress.json as fast as it can until the file
 *   `<dataDir>/stop` appears, and prints how many reads found it missing or
 *   not a whole progress file (a torn write would show here).
 * Usage: node --import tsx progress-worker.ts <mode> <dataDir> [name count]
 */
const [mode, dataDir = '', name = 'w', count = '10'] = process.argv.slice(2);

if (mode === 'write') {
	const store = openProgressStore({dataDir});
	for (let n = 0; n < Number(count); n++) {
		store.saveDraft(`${name}-${n}`, [`draft ${n}`]);
		store.recordResult(`${name}-${n}`, {stars: 1 + (n % 3), commands: n, hintsUsed: 0});
		store.saveDraft('shared', [`${name} ${n}`]);
		store.recordResult('shared', {stars: name === 'best' ? 3 : 1, commands: name === 'best' ? 2 : 9, hintsUsed: 0});
	}
	if (store.warnings.length > 0) {
		process.stderr.write(store.warnings.join('\n'));
		process.exitCode = 1;
	}
} else if (mode === 'read') {
	const file = path.join(dataDir, PROGRESS_FILE);
	const stop = path.join(dataDir, 'stop');
	const deadline = Date.now() + 30_000;
	let reads = 0;
	let existed = false;
	const torn: string[] = [];
	while (!fs.existsSync(stop) && Date.now() < deadline) {
		let text: string;
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {
			// Not written yet; once written, the file must never be missing (a write replaces it in one step).
			if (existed) torn.push('(missing)');
			continue;
		}
		existed = true;
		reads++;
		try {
			const data = JSON.parse(text) as {formatVersion?: unknown; levels?: unknown};
			if (data.formatVersion !== 1 || typeof data.levels !== 'object') torn.push(text.slice(0, 200));
		} catch {
			torn.push(text.slice(0, 200));
		}
	}
	process.stdout.write(JSON.stringify({reads, torn}));
}
