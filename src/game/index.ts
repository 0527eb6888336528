/** The game rules: sessions, stars, the campaign and the sandbox. Pure: no IO, no clock, no React. */
export type {LogEntry, SessionAction, SessionState, StarReport} from './types.js';
export {sessionReducer} from './session.js';
export {replayDraft, startSession, type StartOptions} from './session-start.js';
export {LOG_LIMIT} from './session-log.js';
export {computeStars, starGlyphs, starLines, type StarInput} from './stars.js';
export {
	campaignSummary,
	levelStatus,
	nextLevel,
	type CampaignProgress,
	type CampaignSummary,
	type LevelStanding,
	type LevelStatus,
} from './campaign.js';
export {isSandbox, sandboxLevel, SANDBOX_ID} from './sandbox.js';
export {detectableFaults, FAULT_CLASSES, repairPuzzle, type Fault, type FaultClass, type RepairPuzzle} from './repair.js';
export {firstFailing, goalChangeLines, goalResultLines, portSpanText, reportLines} from './report-lines.js';
