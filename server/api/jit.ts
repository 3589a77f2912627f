/**
 * Answers executed by graphql-jit instead of graphql-js. Profiled under load (bench:scale, whole answers
 * off), graphql-js spent most of a large answer's time on its own machinery: a null-prototype arguments
 * object and a map per field, a promise check per value, and the garbage of both (jurisdictionGraph: 53
 * units and up to 1,378 pairs, about 8 ms a request on these cores). graphql-jit compiles each operation
 * once into plain JavaScript that reads the same resolvers.
 *
 * Apollo Server 5 has no executor option; its gateway interface is the one place an executor is given
 * (the schema, parsing, validation, plugins and error formatting stay Apollo's). Compiled operations are
 * kept per query text and operation name, at most MAX_COMPILED (a client cannot fill memory with them).
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

const MAX_COMPILED = 500;

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  const compile = (key: string, make: () => CompiledQuery | ExecutionResult) => {
    let c = compiled.get(key);
    if (c) {
      // Most recently used last, so the oldest is the first to go.
      compiled.delete(key);
      compiled.set(key, c);
      return c;
    }
    c = make();
    compiled.set(key, c);
    if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    return c;
  };
  const executor: GatewayExecutor = async ({ document, request, queryHash, operationName, context }) => {
    const op = operationName ?? request.operationName ?? null;
    const query = compile(`${queryHash}\u0000${op ?? ''}`, () => compileQuery(schema, document, op ?? undefined, { disablingCapturingStackErrors: true }));
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/**
 * graphql-jit's errors as graphql-js makes them: Apollo reads `extensions` as an object (jit leaves it
 * undefined) and unwraps `originalError` to format store outages and timeouts (apollo.ts). Variables
 * are coerced, and refused as BAD_USER_INPUT, before execution (bounds.ts checkCost).
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
  if (e.locations) Object.defineProperty(out, 'locations', { value: e.locations, enumerable: true });
  return out;
}
