export interface RealSchema {
  name: string;
  node: import('../src/schema/catalog-types.js').SchemaNode;
  schema: Record<string, unknown>;
  resources: unknown[];
}
export function crdSchemasIn(modules: Record<string, unknown>, dirs: readonly string[]): RealSchema[];
export function catalogSchemas(modules: Record<string, unknown>, limit?: number): RealSchema[];
