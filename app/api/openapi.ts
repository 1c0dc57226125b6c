// The OpenAPI 3.1 document of the API, generated from the zod schemas the API validates with and answers
// by (z.toJSONSchema), so it describes exactly what the code does. Built once per process.
import { z } from 'zod'
import { API_ENDPOINTS, API_SCOPES, OPENAPI_PATH, type ApiEndpoint } from './endpoints'
import { apiErrorSchema, apiSchemas } from './schemas'

type JsonSchema = Record<string, unknown>

const COMPONENT = (id: string) => `#/components/schemas/${id}`

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema
  return rest
}

/** Each field of a query schema as an OpenAPI query parameter, its schema as the API reads it (input). */
export function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = withoutDialect(z.toJSONSchema(field as z.ZodType, { io: 'input' }) as JsonSchema)
    const { description, ...rest } = schema
    return {
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
    }
  })
}

/** Names of the query parameters that may be given more than once (arrays). */
export function listParameters(query: z.ZodObject): Set<string> {
  return new Set(
    queryParameters(query)
      .filter((parameter) => parameter.schema.type === 'array')
      .map((p) => p.name),
  )
}

function schemaRef(schema: z.ZodType) {
  const meta = apiSchemas.get(schema)
  if (!meta) throw new Error('An API answer schema is not registered in apiSchemas')
  return { $ref: COMPONENT(meta.id) }
}

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: schemaRef(apiErrorSchema) } },
})

function operation(endpoint: ApiEndpoint) {
  const pathParameters = Object.entries(endpoint.pathParams ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', maxLength: 64 },
  }))
  const responses: Record<string, unknown> = {
    '200': { description: 'OK', content: { 'application/json': { schema: schemaRef(endpoint.response) } } },
    '400': errorAnswer('The query is not one this endpoint reads (`invalid_query`).'),
    '401': errorAnswer('No token, or one that is unknown, revoked or expired (`unauthorized`).'),
    '403': errorAnswer('The token lacks the scope this endpoint needs (`forbidden_scope`).'),
    '429': {
      ...errorAnswer('Too many requests with this token in the current window (`rate_limited`).'),
      headers: { 'Retry-After': { description: 'Seconds until the window ends.', schema: { type: 'integer' } } },
    },
  }
  if (endpoint.pathParams) responses['404'] = errorAnswer('There is no such row (`not_found`).')
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    security: endpoint.scope ? [{ bearerToken: [endpoint.scope] }] : [],
    ...(endpoint.scope ? { 'x-required-scope': endpoint.scope } : {}),
    parameters: [...pathParameters, ...queryParameters(endpoint.query)],
    responses,
  }
}

function buildDocument() {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: COMPONENT }) as { schemas: Record<string, JsonSchema> }
  const paths: Record<string, unknown> = {}
  for (const endpoint of Object.values(API_ENDPOINTS) as ApiEndpoint[]) {
    paths[endpoint.path] = { get: operation(endpoint) }
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document. No token needed.',
      security: [],
      responses: { '200': { description: 'The OpenAPI 3.1 document', content: { 'application/json': {} } } },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Factdesk API',
      version: '1.0.0',
      description:
        'Read-only access to what the desk checked. Send a personal token from your account page as `Authorization: Bearer …`. ' +
        'Lists page by keyset: pass the `next` of one page as `cursor` to get the next. Errors are `{ "error": { "code", "message" } }`.',
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: `A personal API token. Scopes: ${Object.entries(API_SCOPES)
            .map(([name, scope]) => `\`${name}\` (${scope.hint})`)
            .join(', ')}.`,
        },
      },
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)])),
    },
    paths,
  }
}

let cached: ReturnType<typeof buildDocument> | undefined

export function openApiDocument() {
  cached ??= buildDocument()
  return cached
}
