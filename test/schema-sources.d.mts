export interface RealSchema {
  name: string;
  schema: Record<string, unknown>;
  resources: unknown[];
}
export function crdSchemasIn(modules: Record<string, unknown>, dirs: readonly string[]): RealSchema[];
export function catalogSchemas(modules: Record<string, unknown>, limit?: number): RealSchema[];
