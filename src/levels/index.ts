/** Levels: the format (one zod schema), loading packs into a catalog, and the validator. The only code that reads level files. */
export {CONCEPTS, LEVEL_FORMAT_VERSION, levelSchema, packSchema, type Concept, type Level, type LevelInput, type Pack} from './schema.js';
export {
	builtInLevelsDir,
	findLevel,
	loadCatalog,
	playableLevels,
	type Catalog,
	type CatalogEntry,
	type CatalogOptions,
	type CatalogPack,
	type PackSource,
	type PlayableEntry,
} from './load.js';
export {levelHash, canonicalJson} from './hash.js';
export {sanitizeText, sanitizeDeep} from './sanitize.js';
export {formatProblem, type LevelProblem} from './problem.js';
export {readLevel, type LevelReadResult} from './read-level.js';
export {validateLevelFile, validateLevelText, validatePaths, type ValidationReport} from './validate.js';
export {MAX_JSON_DEPTH, MAX_LEVEL_FILE_BYTES} from './json-source.js';
export {levelJsonSchema, levelJsonSchemaText, SCHEMA_FILE} from './json-schema.js';
