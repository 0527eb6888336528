/** What string-width (v8, default options) returns for `text` when it is sure of every code point; otherwise undefined (see fast-width.mjs). */
export function fastWidth(text: unknown): number | undefined;
