// Checks a response against what the served OpenAPI document promises for its operation: the status
// is listed, the Content-Type is one of the listed ones, and a JSON body matches the listed schema
// (the document's JSON Schemas turned into zod validators with zod's own fromJSONSchema).
import { z } from 'zod';

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface OperationObject {
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, unknown> };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** `METHOD /path/{param}` for every operation in the document. */
export function documentedOperations(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/components/schemas/', '#/$defs/')
          : rewriteRefs(inner);
    }
    return out;
  }
  return value;
}

export interface ResponseCheck {
  status: number;
  contentType: string | null;
  body: unknown;
}

export class DocumentedResponses {
  readonly #doc: OpenApiDocument;
  readonly #defs: Record<string, unknown>;
  readonly #validators = new Map<string, z.ZodType>();

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
    this.#defs = rewriteRefs(doc.components?.schemas ?? {}) as Record<string, unknown>;
  }

  #validator(key: string, schema: unknown): z.ZodType {
    let validator = this.#validators.get(key);
    if (!validator) {
      const root = { ...(rewriteRefs(schema) as object), $defs: this.#defs };
      validator = z.fromJSONSchema(root as Parameters<typeof z.fromJSONSchema>[0]);
      this.#validators.set(key, validator);
    }
    return validator;
  }

  /** Every way the response breaks the document, or [] when it keeps to it. */
  problems(operationId: string, response: ResponseCheck): string[] {
    const [method = '', path = ''] = operationId.split(' ');
    const operation = this.#doc.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${operationId} is not in the document`];
    const documented = operation.responses?.[String(response.status)];
    if (!documented) return [`${operationId} answered ${response.status}, which it does not document`];
    const content = documented.content;
    if (!content || Object.keys(content).length === 0) {
      return response.body === '' || response.body === null ? [] : [`${response.status} should have no body`];
    }
    const mediaType = (response.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const media = content[mediaType];
    if (!media)
      return [
        `${operationId} ${response.status} answered ${mediaType}, documented: ${Object.keys(content).join(', ')}`,
      ];
    if (!mediaType.includes('json') || media.schema === undefined) return [];
    const result = this.#validator(`${operationId} ${response.status} ${mediaType}`, media.schema).safeParse(
      response.body,
    );
    return result.success
      ? []
      : result.error.issues.map(
          (issue) => `${operationId} ${response.status}: ${issue.path.join('.')}: ${issue.message}`,
        );
  }
}

/** RFC 9457 problem details as the API promises them (api.md). */
export const ProblemBody = z.object({
  type: z.string().min(1),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  detail: z.string().min(1),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  rule: z.string().optional(),
});
