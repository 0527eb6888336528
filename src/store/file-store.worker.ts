import {openProgressStore} from './file-store.js';

/**
 * A second game for the concurrency test: opens the store in the given data
 * directory and records `count` levels named `<prefix>-<n>`, one write each.
 * Usage: node --import tsx file-store.worker.ts <dataDir> <prefix> <count>
 */
const [dataDir = '', prefix = 'w', count = '10'] = process.argv.slice(2);
const store = openProgressStore({dataDir});
for (let n = 0; n < Number(count); n++) {
	store.saveDraft(`${prefix}-${n}`, [`draft ${n}`]);
	store.recordResult(`${prefix}-${n}`, {stars: 2, commands: n, hintsUsed: 0});
}
if (store.warnings.length > 0) {
	process.stderr.write(store.warnings.join('\n'));
	process.exitCode = 1;
}
