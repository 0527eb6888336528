/** The sandbox's level id (a module of its own: knowing it needs none of the sandbox's network or the level schema). */
export const SANDBOX_ID = 'sandbox';
