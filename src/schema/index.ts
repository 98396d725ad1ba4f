/** The schema stage's entry points, imported lazily by the linter. */
export { createSchemaChecker, createSchemaStage } from './validate.js';
export { availableVersions, defaultVersion, normalizeVersion } from './catalog.js';
export { catalogFromOpenAPI } from './from-openapi.js';
export { defaultCustomResource } from './crd-defaults.js';
