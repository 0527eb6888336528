/**
 * An instrumented copy of what `netquest` does before its first frame (see
 * src/cli/play.ts and src/cli/context.ts): load the level catalog (through
 * the checked-levels cache), open the progress store, import the UI and
 * render. Bundled by the benchmark like netquest (same checker identity, so
 * the cache beside the bundle holds) and run in the same pseudo-terminal; it
 * appends one JSON line of phase end times (ms since the process started)
 * to the file named by NETQUEST_PROBE_LOG, then ends. A probe for the
 * benchmark, not part of the game.
 */
import fs from 'node:fs';
import path from 'node:path';
import {builtInLevelsDir} from '../src/levels/catalog.js';
import {loadCatalogQuickly} from '../src/levels/checked-cache.js';

const marks: [string, number][] = [['bundle loaded (node start, parse, compile)', performance.now()]];
const mark = (name: string) => marks.push([name, performance.now()]);
const dataDir = process.env['NETQUEST_PROBE_DATA'] ?? '';
const catalog = await loadCatalogQuickly({builtInDir: builtInLevelsDir(), userDir: path.join(dataDir, 'levels')});
mark('level catalog loaded (checked-levels cache: 20 files read and hashed)');
const {openProgressStore} = await import('../src/store/index.js');
const store = openProgressStore({dataDir});
mark('progress store open (conf)');
const {runGame} = await import('../src/ui/run-game.js');
mark('UI code evaluated (ink, react, yoga, the map)');
void runGame({catalog, store, color: true});
mark('first frame rendered and written');
fs.appendFileSync(process.env['NETQUEST_PROBE_LOG'] ?? '/dev/null', `${JSON.stringify(marks)}\n`);
process.exit(0);
