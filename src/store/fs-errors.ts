/** What a failed file-system call says, for messages and decisions. */

/** The error message of anything thrown. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The error code of a failed fs call (`ENOENT`, `EEXIST`…), if it has one. */
export function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Why a file-system call failed, without the path it names (`ENOSPC: no space left on device, write`). */
export function reasonOf(error: unknown): string {
	return messageOf(error).replace(/, (\w+) '.*'$/su, ', $1');
}
