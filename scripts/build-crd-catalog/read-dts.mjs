/**
 * Reads the TypeScript declarations of a `@kubernetes-models/*` package into CRD schemas.
 *
 * The packages are generated from the projects' Go API types and ship, per type, an interface
 * (`.d.ts`, with the Go doc comments) and an ajv validator compiled to code; no JSON schema. The
 * declarations carry what a structural schema needs: property names, which are optional, strings,
 * numbers, booleans, lists, maps, string-literal unions (the `+kubebuilder:validation:Enum`s),
 * `number | string` (int-or-string), embedded structs (`extends`) and the field descriptions.
 * Whether a number is an integer is read from the compiled validator of the enclosing type.
 *
 * References to Kubernetes' own types (`kubernetes-models`, `@kubernetes-models/apimachinery`)
 * become `$ref`s to the bundled catalog's definitions, so a Rollout's pod template is checked
 * exactly as a Deployment's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Packages whose types are Kubernetes' own: referenced, never inlined. */
const BUILT_IN_PACKAGES = ['kubernetes-models/', '@kubernetes-models/apimachinery/'];

export class DeclarationReader {
  /**
   * @param ts the TypeScript module
   * @param builtInDefinitions definitions of the bundled catalog by name (`io.k8s.api.core.v1.PodSpec`)
   * @param resolvePackage (specifier) => absolute path of a package file without extension
   */
  constructor(ts, builtInDefinitions, resolvePackage) {
    const builtInNames = Object.keys(builtInDefinitions);
    this.builtInDefinitions = builtInDefinitions;
    this.ts = ts;
    this.resolvePackage = resolvePackage;
    this.files = new Map();
    this.builtIn = new Map(builtInNames.map((name) => [name.replace(/[^A-Za-z0-9]/g, '').toLowerCase(), name]));
    this.unresolved = new Set();
  }

  /** Parsed declarations of one `.d.ts` file: imports, interfaces and type aliases by local name. */
  file(path) {
    const cached = this.files.get(path);
    if (cached) return cached;
    const ts = this.ts;
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const entry = { path, text, source, imports: new Map(), decls: new Map(), validator: undefined };
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
        for (const el of statement.importClause.namedBindings.elements) {
          entry.imports.set(el.name.text, { from: statement.moduleSpecifier.text, name: (el.propertyName ?? el.name).text });
        }
      } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        entry.decls.set(statement.name.text, statement);
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        // `export type { IPortNumber as IIoK8sSigsGatewayApiApisV1PortNumber }`: the long name is the import name elsewhere.
        for (const el of statement.exportClause.elements) {
          const local = entry.decls.get((el.propertyName ?? el.name).text);
          if (local) entry.decls.set(el.name.text, local);
        }
      }
    }
    this.files.set(path, entry);
    return entry;
  }

  builtInDefinition(name) {
    return this.builtInDefinitions[name];
  }

  /** The doc comment just before a node, with the generator's escapes undone; undefined if none. */
  description(file, node) {
    const ranges = this.ts.getLeadingCommentRanges(file.text, node.pos) ?? [];
    const last = ranges[ranges.length - 1];
    if (!last) return undefined;
    const raw = file.text.slice(last.pos, last.end);
    if (!raw.startsWith('/**')) return undefined;
    const lines = raw
      .slice(3, -2)
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''));
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    const text = lines.join('\n').replace(/\*\\\//g, '*/').replace(/\\\*/g, '*').replace(/\\@/g, '@');
    return text.trim() === '' ? undefined : text;
  }

  /** The compiled validator next to a declaration (`_schemas/<LongName>.js`), as text. */
  validatorText(file, longName) {
    const root = this.packageRoot(file.path);
    const path = join(root, '_schemas', `${longName}.js`);
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }

  packageRoot(path) {
    let dir = dirname(path);
    while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
    return dir;
  }

  /** Where an imported name is declared: [file, declaration] or a built-in definition name. */
  resolveImport(file, localName) {
    const imported = file.imports.get(localName);
    if (!imported) return undefined;
    const { from, name } = imported;
    if (BUILT_IN_PACKAGES.some((p) => from.startsWith(p))) {
      const builtIn = this.builtIn.get(name.replace(/^I/, '').toLowerCase());
      if (builtIn) return { builtIn };
    }
    if (from === '@kubernetes-models/base') return undefined;
    const target = from.startsWith('.') ? resolve(dirname(file.path), from).replace(/\.js$/, '') : this.resolvePackage(from);
    const targetFile = this.file(`${target}.d.ts`);
    const decl = targetFile.decls.get(name);
    return decl ? { file: targetFile, decl, longName: name.replace(/^I/, '') } : undefined;
  }
}

const INTEGER = /keyword:"type",params:\{type:"integer"\}/;

/**
 * Property names whose values (or list items) the compiled validator checks to be integers
 * (`params:{type:"integer"}`). Also true for the whole text when it validates one integer alias.
 */
export function integerProperties(validator) {
  const out = new Set();
  if (!validator) return out;
  const functions = new Map();
  for (const m of validator.matchAll(/function (validate\d+)\(data,[^)]*\)\{([\s\S]*?)return \1\.errors=vErrors/g)) functions.set(m[1], m[2]);
  const root = /export const validate=(validate\d+)/.exec(validator)?.[1];
  const body = root ? functions.get(root) ?? '' : '';
  for (const m of body.matchAll(/(validate\d+)\(data(?:\.([A-Za-z_$][\w$]*)|\["([^"]+)"\]),\{instancePath:instancePath\+"\/([^"]+)"/g)) {
    const property = m[4].replace(/~1/g, '/').replace(/~0/g, '~');
    const fn = functions.get(m[1]) ?? '';
    const item = /(validate\d+)\(data\[i0\]/.exec(fn)?.[1];
    if (INTEGER.test(fn) || (item && INTEGER.test(functions.get(item) ?? ''))) out.add(property);
  }
  // Properties checked inline in the root function: `data.port` ... `type:"integer"` within one statement.
  for (const m of body.matchAll(/instancePath:instancePath\+"\/([^"]+)",schemaPath:"#\/properties\/[^"]+\/type",keyword:"type",params:\{type:"integer"\}/g)) out.add(m[1]);
  return out;
}

/** True when the validator of an alias checks one integer (`type IPortNumber = number` of an int32). */
export function isIntegerAlias(validator) {
  const root = /export const validate=(validate\d+)/.exec(validator)?.[1];
  const body = root ? new RegExp(`function ${root}\\(data,[^)]*\\)\\{([\\s\\S]*?)return ${root}\\.errors=vErrors`).exec(validator)?.[1] : undefined;
  return body !== undefined && /instancePath,schemaPath:"#\/type",keyword:"type",params:\{type:"integer"\}/.test(body);
}
