/**
 * An instrumented copy of what `netquest` does before its first frame (see
 * src/cli/play.ts and src/cli/context.ts), in the same order: start reading
 * the UI's entry, load the level catalog (through the checked-levels cache),
 * read the progress file, wait for the UI's entry, and start the game, whose
 * first frame is written as text before Ink, the app and the store load.
 * Bundled by the benchmark like netquest (same checker identity, so the
 * cache beside the bundle holds) and run in the same pseudo-terminal; it
 * appends one JSON line of phase end times (ms since the process started)
 * to the file named by NETQUEST_PROBE_LOG, then ends. A probe for the
 * benchmark, not part of the game.
 */
import fs from 'node:fs';
import path from 'node:path';
import {builtInLevelsDir} from '../src/levels/catalog.js';
import {loadCatalogQuickly} from '../src/levels/load-quickly.js';
import {memoryProgressStore} from '../src/store/memory-store.js';
import {readSavedProgress} from '../src/store/progress-file.js';

const marks: [string, number][] = [['bundle loaded (node start, parse, compile)', performance.now()]];
const mark = (name: string) => marks.push([name, performance.now()]);
const dataDir = process.env['NETQUEST_PROBE_DATA'] ?? '';
const ui = import('../src/ui/run-game.js');
const catalog = await loadCatalogQuickly({builtInDir: builtInLevelsDir(), userDir: path.join(dataDir, 'levels')});
mark('level catalog loaded (checked-levels cache: 20 files read and compared)');
const saved = readSavedProgress(dataDir);
const preview = memoryProgressStore(saved.progress);
mark('progress file read (the store opens after the first frame)');
const {runGame} = await ui;
mark('first frame code evaluated (the map and its text; Ink is not loaded yet)');
void runGame({catalog, store: async () => (await import('../src/store/index.js')).openProgressStore({dataDir}), preview, color: true});
mark('first frame written (text on the alternate screen)');
fs.appendFileSync(process.env['NETQUEST_PROBE_LOG'] ?? '/dev/null', `${JSON.stringify(marks)}\n`);
process.exit(0);
