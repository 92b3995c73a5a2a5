import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  concatAST,
  GraphQLScalarType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  type GraphQLEnumType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { log } from './log.js';
import { resolvers } from './resolvers/index.js';

const schemaDir = fileURLToPath(new URL('../schema/', import.meta.url));

/** The SDL of every product and family (every .graphql file under schema/), in a stable order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(schemaDir + f, 'utf8'));
}

/**
 * The executable schema: the SDL, with the resolvers attached to its types in place.
 * (makeExecutableSchema would copy the whole schema to attach them: a third of the
 * start-up time.) A resolver for a type or field the SDL lacks fails start-up.
 */
export function buildSchema(): GraphQLSchema {
  // The SDL is validated where it is edited (codegen, `npm run codegen:check` in CI, every
  // test), so start-up skips validating it again; graphql still validates the schema itself.
  const ast = concatAST(loadTypeDefs().map((sdl) => parse(sdl, { noLocation: true })));
  const schema = buildASTSchema(ast, { assumeValidSDL: true });
  attachResolvers(schema, resolvers as Record<string, unknown>);
  for (const type of Object.values(schema.getTypeMap())) if (isEnumType(type)) tolerateUnknown(type);
  return schema;
}

/**
 * An enum with an `UNKNOWN` value answers `UNKNOWN` for a value it does not know (a status
 * Leaseweb added after the schema was written) instead of failing the field, and logs a
 * warning the first time each such value is seen, so the schema can catch up.
 */
function tolerateUnknown(type: GraphQLEnumType): void {
  if (!type.getValue('UNKNOWN')) return;
  const serialize = type.serialize.bind(type);
  type.serialize = (value: unknown) => {
    try {
      return serialize(value);
    } catch {
      warnUnknown(type.name, value);
      return 'UNKNOWN';
    }
  };
}

const unknownSeen = new Set<string>();

function warnUnknown(enumName: string, value: unknown): void {
  const key = `${enumName}\u0000${String(value)}`;
  // Bounded, so a misbehaving upstream cannot grow it without end.
  if (unknownSeen.has(key) || unknownSeen.size >= 1000) return;
  unknownSeen.add(key);
  log.warn('unknown enum value from Leaseweb, answered as UNKNOWN', { enum: enumName, value: String(value).slice(0, 100) });
}

function attachResolvers(schema: GraphQLSchema, map: Record<string, unknown>): void {
  for (const [typeName, value] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`Resolvers for ${typeName}, a type the schema does not define`);
    if (isScalarType(type)) {
      if (!(value instanceof GraphQLScalarType)) throw new Error(`Scalar ${typeName} needs a GraphQLScalarType`);
      type.serialize = value.serialize;
      type.parseValue = value.parseValue;
      type.parseLiteral = value.parseLiteral;
      type.specifiedByURL = value.specifiedByURL;
      continue;
    }
    if (isEnumType(type)) {
      setInternalValues(type, value as Record<string, unknown>);
      continue;
    }
    for (const [name, fn] of Object.entries(value as Record<string, unknown>)) {
      if (typeof fn !== 'function') throw new Error(`${typeName}.${name}: a resolver must be a function`);
      if (name === '__resolveType' && (isInterfaceType(type) || isUnionType(type))) {
        type.resolveType = fn as GraphQLTypeResolver<unknown, unknown>;
      } else if ((isObjectType(type) || isInterfaceType(type)) && type.getFields()[name]) {
        type.getFields()[name]!.resolve = fn as GraphQLFieldResolver<unknown, unknown>;
      } else {
        throw new Error(`Resolver ${typeName}.${name}: the schema has no such field`);
      }
    }
  }
}

/**
 * Gives an enum's values the internal values of its resolver entry (Leaseweb's strings,
 * src/resolvers/enums.ts), in place, as graphql-tools does by rebuilding the type. The
 * type's lookup from internal value back to name is rebuilt with them, so serializing
 * stays right too.
 */
function setInternalValues(type: GraphQLEnumType, internal: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(internal)) {
    // A numeric TypeScript enum also maps each number back to its name (`100: 'MBPS_100'`);
    // no GraphQL enum value name starts with a digit, so those entries are not values.
    if (/^\d/.test(name)) continue;
    const enumValue = type.getValue(name);
    if (!enumValue) throw new Error(`Enum ${type.name} has no value ${name}`);
    enumValue.value = value;
  }
  // graphql-js keeps this map private; serialize() reads it.
  (type as unknown as { _valueLookup: Map<unknown, unknown> })._valueLookup = new Map(type.getValues().map((v) => [v.value, v]));
}
