import fs from 'node:fs';
import path from 'node:path';
import {withFileLock} from './file-lock.js';
import {PROGRESS_FILE} from './progress-file.js';

/**
 * A game whose save is slow (an NFS home, a busy USB disk), for the lock
 * test: takes the lock, says so on stdout, holds it for `ms` milliseconds,
 * then writes its own level into the file as it is then (by rename).
 * Usage: node --import tsx slow-save.worker.ts <dataDir> <ms>
 */
const [dataDir = '', ms = '1500'] = process.argv.slice(2);
const file = path.join(dataDir, PROGRESS_FILE);
const done = withFileLock(`${file}.lock`, () => {
	process.stdout.write('holding\n');
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
	let data: {formatVersion: number; levels: Record<string, unknown>} = {formatVersion: 1, levels: {}};
	try {
		data = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof data;
	} catch {
		// No file yet.
	}
	data.levels['slow'] = {solved: true, stars: 1, hintsUsed: 0, draft: []};
	fs.writeFileSync(`${file}.slow`, JSON.stringify(data));
	fs.renameSync(`${file}.slow`, file);
});
if (!done.ok) {
	process.stderr.write(done.problem);
	process.exitCode = 1;
}
