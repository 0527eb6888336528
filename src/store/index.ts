/** The progress store: the only code that reads or writes the player's progress and settings. */
export type {ColorSetting, LevelProgress, LevelResult, ProgressStore, Settings} from './progress.js';
export {openProgressStore, PROGRESS_FILE, type OpenProgressStoreOptions} from './file-store.js';
export {memoryProgressStore} from './memory-store.js';
export {PROGRESS_FORMAT_VERSION} from './progress-format.js';
export {resolveDataDir, userLevelsDir, type DataDirOptions} from './paths.js';
