/** gRPC status codes and their HTTP mapping, as grpc-gateway v1 does it. */
export const GrpcCode = {
  OK: 0,
  Canceled: 1,
  Unknown: 2,
  InvalidArgument: 3,
  DeadlineExceeded: 4,
  NotFound: 5,
  AlreadyExists: 6,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  Aborted: 10,
  OutOfRange: 11,
  Unimplemented: 12,
  Internal: 13,
  Unavailable: 14,
  DataLoss: 15,
  Unauthenticated: 16,
} as const;

export type GrpcCodeValue = (typeof GrpcCode)[keyof typeof GrpcCode];

export function httpStatusFor(code: number): number {
  switch (code) {
    case GrpcCode.OK:
      return 200;
    case GrpcCode.Canceled:
      return 408;
    case GrpcCode.InvalidArgument:
    case GrpcCode.FailedPrecondition:
    case GrpcCode.OutOfRange:
      return 400;
    case GrpcCode.DeadlineExceeded:
      return 504;
    case GrpcCode.NotFound:
      return 404;
    case GrpcCode.AlreadyExists:
    case GrpcCode.Aborted:
      return 409;
    case GrpcCode.PermissionDenied:
      return 403;
    case GrpcCode.Unauthenticated:
      return 401;
    case GrpcCode.ResourceExhausted:
      return 429;
    case GrpcCode.Unimplemented:
      return 501;
    case GrpcCode.Unavailable:
      return 503;
    default:
      return 500;
  }
}

const HTTP_STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function httpStatusText(status: number): string {
  return HTTP_STATUS_TEXT[status] ?? 'Error';
}

/** An error with a gRPC code; anything else thrown by a handler becomes code 2 (Unknown) and HTTP 500. */
export class ApiError extends Error {
  readonly code: number;
  readonly httpStatus: number;

  constructor(code: number, message: string, httpStatus?: number) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus ?? httpStatusFor(code);
  }
}

export const invalidArgument = (msg: string) =>
  new ApiError(GrpcCode.InvalidArgument, msg);
export const failedPrecondition = (msg: string) =>
  new ApiError(GrpcCode.FailedPrecondition, msg);
export const notFound = (msg: string) => new ApiError(GrpcCode.NotFound, msg);
export const permissionDenied = (msg = 'permission denied') =>
  new ApiError(GrpcCode.PermissionDenied, msg);
export const unauthenticated = (
  msg = 'invalid session: token is missing or invalid',
) => new ApiError(GrpcCode.Unauthenticated, msg);

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError(GrpcCode.Unknown, message);
}

/** The unary error body (definition `runtimeError`). */
export function unaryErrorBody(err: ApiError) {
  return {
    error: err.message,
    code: err.code,
    message: err.message,
    details: [] as unknown[],
  };
}

/** The mid-stream error item (definition `runtimeStreamError`). */
export function streamErrorBody(err: ApiError) {
  return {
    error: {
      grpc_code: err.code,
      http_code: err.httpStatus,
      message: err.message,
      http_status: httpStatusText(err.httpStatus),
      details: [] as unknown[],
    },
  };
}
