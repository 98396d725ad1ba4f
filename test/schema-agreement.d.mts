export function schemaComparer(
  modules: {
    newAjv: typeof import('../src/schema/ajv-setup.js').newAjv;
    interpretedValidator: typeof import('../src/schema/interpreted.js').interpretedValidator;
    definitionToJsonSchema: typeof import('../src/schema/to-json-schema.js').definitionToJsonSchema;
  },
  definitions: Readonly<Record<string, import('../src/schema/catalog-types.js').SchemaNode>>,
): (schema: Record<string, unknown>, values: unknown[], keep?: boolean) => { took: boolean; diff?: string };
