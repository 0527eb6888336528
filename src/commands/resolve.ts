import {resolveName} from '../engine/dns.js';

/** DNS resolution as the engine does it (for `dig`): re-exported so the command layer has one door to it. */
export {resolveName};

/** The engine's answer to a DNS question. */
export type Resolution = ReturnType<typeof resolveName>;
