import packageJson from '../../package.json' with {type: 'json'};

/** netquest's version, from package.json (bundled into `dist/` by the build). */
export const VERSION: string = packageJson.version;
