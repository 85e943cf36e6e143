import type { operations } from './generated/openapi';

/** The operationId of every route in App Center's OpenAPI document. @public */
export type OperationId = keyof operations;

type JsonContent<T> = T extends { content: { 'application/json': infer B } }
  ? B
  : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** The JSON request body of an operation (`undefined` when it takes none). @public */
export type RequestBody<Op extends OperationId> = operations[Op] extends {
  requestBody?: infer R;
}
  ? JsonContent<NonNullable<R>>
  : undefined;

/** The JSON body of an operation's success response (`undefined` for 204). @public */
export type ResponseBody<Op extends OperationId> = JsonContent<
  operations[Op]['responses'][Extract<
    keyof operations[Op]['responses'],
    SuccessStatus
  >]
>;

/** The path parameters of an operation. @public */
export type PathParams<Op extends OperationId> = NonNullable<
  operations[Op]['parameters']['path']
>;

/** The query parameters of an operation. @public */
export type QueryParams<Op extends OperationId> = NonNullable<
  operations[Op]['parameters']['query']
>;

/**
 * An operation as the typed router of `@backstage/backend-openapi-utils` sees it
 * (`createValidatedOpenApiRouterFromGeneratedEndpointMap`): handlers get typed params, query and body, and
 * must answer with the documented response.
 * @public
 */
export type Endpoint<Op extends OperationId> = {
  path: PathParams<Op>;
  query: QueryParams<Op>;
  body: RequestBody<Op>;
  response: ResponseBody<Op>;
};
