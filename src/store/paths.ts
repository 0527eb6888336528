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
	const home = homeDir(options.home);
	const platform = options.platform ?? process.platform;
	if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'netquest');
	if (platform === 'win32') return path.join(absolute(env['APPDATA']) ?? path.join(home, 'AppData', 'Roaming'), 'netquest');
	// XDG Base Directory Specification: "If an implementation encounters a relative path in any of these
	// variables it should consider the path invalid and ignore it." An empty value counts as unset.
	return path.join(absolute(env['XDG_CONFIG_HOME']) ?? path.join(home, '.config'), 'netquest');
}

function absolute(dir: string | undefined): string | undefined {
	return dir !== undefined && path.isAbsolute(dir) ? dir : undefined;
}

/**
 * The home directory as an absolute path: `home` (tests), else `os.homedir()` ($HOME), else the passwd
 * entry's (`HOME=""` or a relative HOME would put progress relative to the working folder), else the
 * temporary folder as a last resort, never a relative path.
 */
function homeDir(home: string | undefined): string {
	const candidates = [home, os.homedir()];
	try {
		candidates.push(os.userInfo().homedir);
	} catch {
		// No passwd entry for this uid (a container running as an arbitrary uid).
	}
	return candidates.map(absolute).find((dir) => dir !== undefined) ?? path.join(os.tmpdir(), `netquest-home-${process.getuid?.() ?? 'user'}`);
}

/** The user's own level folder inside the data directory (read as an extra pack). */
export function userLevelsDir(dataDir: string): string {
	return path.join(dataDir, 'levels');
}
