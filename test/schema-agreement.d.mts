export function schemaComparer(
  modules: {
    newAjv: typeof import('../src/schema/ajv-setup.js').newAjv;
    interpretedValidator: typeof import('../src/schema/interpreted.js').interpretedValidator;
    definitionWalker: typeof import('../src/schema/interpreted.js').definitionWalker;
    definitionToJsonSchema: typeof import('../src/schema/to-json-schema.js').definitionToJsonSchema;
  },
  definitions: Readonly<Record<string, import('../src/schema/catalog-types.js').SchemaNode>>,
): (
  subject:
    | { schema: Record<string, unknown> }
    | { name: string; node: import('../src/schema/catalog-types.js').SchemaNode; structural?: import('../src/schema/to-json-schema.js').StructuralMode },
  values: unknown[],
  keep?: boolean,
) => { took: boolean; diff?: string };
