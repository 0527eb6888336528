import {execFileSync} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolveDataDir} from '../../src/store/paths.js';
import {ROOT} from './support/tmux.js';

/**
 * Progress is never put relative to the working folder (issue 15.9): the XDG Base Directory
 * Specification says a relative path in XDG_CONFIG_HOME is invalid and ignored; an empty or relative
 * HOME falls back to the passwd entry's home directory.
 */
describe('where progress goes', () => {
	it('ignores a relative or empty XDG_CONFIG_HOME', () => {
		for (const value of ['', 'relative/config', './x', '.']) {
			expect(resolveDataDir({env: {XDG_CONFIG_HOME: value}, platform: 'linux', home: '/home/ada'})).toBe('/home/ada/.config/netquest');
		}
		expect(resolveDataDir({env: {XDG_CONFIG_HOME: '/etc/xdg-ada'}, platform: 'linux', home: '/home/ada'})).toBe('/etc/xdg-ada/netquest');
	});

	it('a relative home given is not used', () => {
		const dir = resolveDataDir({env: {}, platform: 'linux', home: 'not/absolute'});
		expect(path.isAbsolute(dir)).toBe(true);
	});

	it('in a real process with HOME="" or a relative HOME and a relative XDG_CONFIG_HOME: an absolute folder, the passwd home', () => {
		const passwdHome = os.userInfo().homedir;
		for (const HOME of ['', 'relative-home']) {
			const printed = execFileSync(
				process.execPath,
				['--import', 'tsx', '-e', "import('./src/store/paths.ts').then((paths) => process.stdout.write(paths.resolveDataDir()))"],
				{cwd: ROOT, env: {PATH: process.env['PATH'] ?? '', HOME, XDG_CONFIG_HOME: 'rel-config'}, encoding: 'utf8'},
			);
			expect(path.isAbsolute(printed)).toBe(true);
			expect(printed).toBe(path.join(passwdHome, '.config', 'netquest'));
		}
	});
});
