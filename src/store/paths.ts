import os from 'node:os';
import path from 'node:path';

/** Where netquest keeps progress, settings and the user's own level folder. */
export type DataDirOptions = {
	/** `--data-dir`, wins over everything. */
	readonly dataDir?: string;
	/** The environment (NETQUEST_HOME, XDG_CONFIG_HOME, APPDATA). */
	readonly env?: NodeJS.ProcessEnv;
	readonly platform?: NodeJS.Platform;
	readonly home?: string;
};

/**
 * Resolves the data directory: `--data-dir`, else `NETQUEST_HOME`, else the
 * platform's config directory (`$XDG_CONFIG_HOME/netquest` or
 * `~/.config/netquest` on Linux, `~/Library/Preferences/netquest` on macOS,
 * `%APPDATA%\netquest` on Windows).
 */
export function resolveDataDir(options: DataDirOptions = {}): string {
	const env = options.env ?? process.env;
	if (options.dataDir) return path.resolve(options.dataDir);
	if (env['NETQUEST_HOME']) return path.resolve(env['NETQUEST_HOME']);
	const home = options.home ?? os.homedir();
	const platform = options.platform ?? process.platform;
	if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'netquest');
	if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'netquest');
	return path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), 'netquest');
}

/** The user's own level folder inside the data directory (read as an extra pack). */
export function userLevelsDir(dataDir: string): string {
	return path.join(dataDir, 'levels');
}
