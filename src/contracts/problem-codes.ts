/**
 * A problem's code when the code that raised it named none: one per status, for the server and
 * the web app. Plain data, no schema library, so the web bundle stays light.
 */
export const statusCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'invalid_content',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'unavailable',
};
