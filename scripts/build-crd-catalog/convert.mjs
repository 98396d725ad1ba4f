/**
 * TypeScript declarations → OpenAPI v3 schemas in the shape of a CRD's `openAPIV3Schema`
 * (inline objects, `x-kubernetes-int-or-string`, `x-kubernetes-preserve-unknown-fields`), with
 * `$ref`s only to the bundled catalog's Kubernetes definitions.
 */
import { integerProperties, isIntegerAlias } from './read-dts.mjs';

/** Where a declaration can say nothing precise: any value is kept, nothing is checked. */
const OPEN = () => ({ 'x-kubernetes-preserve-unknown-fields': true });

export class SchemaConverter {
  constructor(reader) {
    this.reader = reader;
    this.ts = reader.ts;
    this.stack = [];
    this.integers = new Map();
    this.stats = { open: 0, recursive: 0 };
  }

  /** The schema of a declared interface or alias (`file` holds it, `longName` names its validator). */
  declaration(file, decl, longName) {
    const key = `${file.path}#${decl.name.text}`;
    if (this.stack.includes(key)) {
      // Go types may refer to themselves; a CRD schema cannot, and controller-gen leaves such a field open.
      this.stats.recursive++;
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    }
    this.stack.push(key);
    try {
      const ts = this.ts;
      if (ts.isTypeAliasDeclaration(decl)) {
        const schema = this.type(file, decl.type, longName, undefined);
        if (schema.type === 'number' && isIntegerAlias(this.reader.validatorText(file, longName))) schema.type = 'integer';
        return schema;
      }
      return this.object(file, decl, longName);
    } finally {
      this.stack.pop();
    }
  }

  /** An interface, with the properties of the interfaces it extends (Go's embedded structs). */
  object(file, decl, longName) {
    const properties = {};
    const required = [];
    for (const clause of decl.heritageClauses ?? []) {
      for (const base of clause.types) {
        const name = base.expression.getText(file.source);
        if (name === 'TypeMeta' || name === 'Model') continue;
        const target = this.reference(file, name);
        if (target.builtIn) {
          // An embedded Kubernetes struct (Knative's RevisionSpec embeds PodSpec): its fields, scalars checked, nested types and
          // required fields not imposed, as projects embedding one accept a subset and change what is optional.
          for (const [key, child] of Object.entries(this.reader.builtInDefinition(target.builtIn)?.properties ?? {})) {
            // Nested Kubernetes types stay open: what the project accepts inside them is not known here.
            properties[key] = child.$ref ? OPEN() : child.items?.$ref ? { type: 'array', items: OPEN() } : child.additionalProperties?.$ref ? { type: 'object', additionalProperties: OPEN() } : child;
          }
          continue;
        }
        if (!target.properties) continue;
        Object.assign(properties, target.properties);
        for (const r of target.required ?? []) if (!required.includes(r)) required.push(r);
      }
    }
    this.members(file, decl.members, longName, properties, required);
    return { type: 'object', properties, ...(required.length > 0 ? { required: required.sort() } : {}) };
  }

  members(file, members, longName, properties, required) {
    const ts = this.ts;
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
      if (name === undefined) continue;
      const schema = this.type(file, member.type, longName, name);
      const description = this.reader.description(file, member);
      properties[name] = description === undefined ? schema : schema.$ref ? { description, allOf: [schema] } : { ...schema, description };
      if (!member.questionToken && !required.includes(name)) required.push(name);
    }
  }

  isInteger(file, longName, property) {
    if (!longName || property === undefined) return false;
    let set = this.integers.get(longName);
    if (!set) this.integers.set(longName, (set = integerProperties(this.reader.validatorText(file, longName))));
    return set.has(property);
  }

  /** The schema of a type expression; `property` is the field it types, for integer look-ups. */
  type(file, node, longName, property) {
    const ts = this.ts;
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { type: this.isInteger(file, longName, property) ? 'integer' : 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.ParenthesizedType:
        return this.type(file, node.type, longName, property);
      case ts.SyntaxKind.ArrayType:
        return { type: 'array', items: this.type(file, node.elementType, longName, property) };
      case ts.SyntaxKind.LiteralType:
        return this.literals([node]) ?? this.open();
      case ts.SyntaxKind.UnionType:
        return this.union(file, node, longName, property);
      case ts.SyntaxKind.TypeLiteral:
        return this.typeLiteral(file, node, longName);
      case ts.SyntaxKind.TypeReference: {
        const name = node.typeName.getText(file.source);
        if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: this.type(file, node.typeArguments[0], longName, property) };
        const target = this.reference(file, name);
        return target.builtIn ? { $ref: `#/definitions/${target.builtIn}` } : target;
      }
      default:
        return this.open();
    }
  }

  open() {
    this.stats.open++;
    return OPEN();
  }

  /** A named type: declared in this file, imported, or one of Kubernetes' own. */
  reference(file, name) {
    const local = file.decls.get(name);
    if (local) return this.declaration(file, local, name.replace(/^I/, ''));
    const imported = this.reader.resolveImport(file, name);
    if (!imported) {
      this.reader.unresolved.add(`${name} in ${file.path}`);
      return this.open();
    }
    if (imported.builtIn) return { builtIn: imported.builtIn };
    return this.declaration(imported.file, imported.decl, imported.longName);
  }

  /** `"A" | "B"` is an enum; `number | string` is int-or-string; `T | null` is T; anything else is open. */
  union(file, node, longName, property) {
    const ts = this.ts;
    const parts = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
    if (parts.length === 1) return this.type(file, parts[0], longName, property);
    const literals = this.literals(parts);
    if (literals) return literals;
    const kinds = new Set(parts.map((t) => t.kind));
    if (kinds.size === 2 && kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return { 'x-kubernetes-int-or-string': true };
    return this.open();
  }

  /** Literal types of one JSON type as an enum, or undefined. */
  literals(parts) {
    const ts = this.ts;
    const values = [];
    let type;
    for (const part of parts) {
      if (!ts.isLiteralTypeNode(part)) return undefined;
      const lit = part.literal;
      const [t, v] = ts.isStringLiteral(lit) ? ['string', lit.text] : ts.isNumericLiteral(lit) ? ['integer', Number(lit.text)] : lit.kind === ts.SyntaxKind.TrueKeyword ? ['boolean', true] : lit.kind === ts.SyntaxKind.FalseKeyword ? ['boolean', false] : [];
      if (t === undefined || (type !== undefined && t !== type)) return undefined;
      type = t;
      values.push(v);
    }
    return { type, enum: values };
  }

  /** `{ [key: string]: T }` is a map; `{}` any object; other literals are inline objects. */
  typeLiteral(file, node, longName) {
    const ts = this.ts;
    const index = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
    if (index) return { type: 'object', additionalProperties: this.type(file, index.type, longName, undefined) };
    if (node.members.length === 0) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const properties = {};
    const required = [];
    this.members(file, node.members, undefined, properties, required);
    return { type: 'object', properties, ...(required.length > 0 ? { required: required.sort() } : {}) };
  }
}
