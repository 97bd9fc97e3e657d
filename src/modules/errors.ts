/**
 * Errors a service may raise on purpose. The server turns each into an RFC 9457 problem with its
 * status; anything else becomes a generic 500 with an error id.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly title: string,
    message: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'Not Found', `${what} not found`);
export const badInput = (message: string, errors?: { field: string; message: string }[]) =>
  new AppError(422, 'Unprocessable Content', message, errors);
