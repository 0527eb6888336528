import type {ExecuteOptions} from '../commands/types.js';
import type {Level} from '../levels/schema.js';
import type {LogEntry, SessionState} from './types.js';

/** Helpers shared by the session's start and its reducer. */

/** The log keeps this many entries, the oldest dropped first. */
export const LOG_LIMIT = 500;

/** The state with entries added to its log, capped at `LOG_LIMIT`. */
export function withLog(state: SessionState, ...entries: LogEntry[]): SessionState {
	const log = [...state.log, ...entries];
	return {...state, log: log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log};
}

/** An `info` entry. */
export function info(...lines: string[]): LogEntry {
	return {kind: 'info', lines};
}

/** The command options of a level: its allowed command list (omitted: every command). */
export function allowedBy(level: Level): ExecuteOptions {
	return level.commands === undefined ? {} : {allowed: level.commands};
}
