/**
 * An instrumented copy of what `netquest` does before its first frame (see
 * src/cli/play.ts): load the level catalog, open the progress store, import
 * the UI and render. Bundled by the benchmark like netquest and run in the
 * same pseudo-terminal; it appends one JSON line of phase end times (ms
 * since the process started) to the file named by NETQUEST_PROBE_LOG, then
 * ends. A probe for the benchmark, not part of the game.
 */
import fs from 'node:fs';
import path from 'node:path';

const marks: [string, number][] = [['bundle loaded (node start, parse, compile)', performance.now()]];
const mark = (name: string) => marks.push([name, performance.now()]);
const dataDir = process.env['NETQUEST_PROBE_DATA'] ?? '';
const {builtInLevelsDir, loadCatalog} = await import('../src/levels/load.js');
mark('level code evaluated (zod, schemas, engine model)');
const catalog = loadCatalog({builtInDir: builtInLevelsDir(), userDir: path.join(dataDir, 'levels')});
mark('level catalog loaded (20 files read, parsed, checked, hashed)');
const {openProgressStore} = await import('../src/store/index.js');
const store = openProgressStore({dataDir});
mark('progress store open (conf)');
const {runGame} = await import('../src/ui/run-game.js');
mark('UI code evaluated (ink, react, yoga, game, commands)');
void runGame({catalog, store, color: true});
mark('first frame rendered and written');
fs.appendFileSync(process.env['NETQUEST_PROBE_LOG'] ?? '/dev/null', `${JSON.stringify(marks)}\n`);
process.exit(0);
