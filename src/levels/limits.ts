/** Level files larger than this are refused before they are read into memory (and never cached). */
export const MAX_LEVEL_FILE_BYTES = 5 * 1024 * 1024;
