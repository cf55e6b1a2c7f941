/** The OpenAI-style base URL (`…/v1`) of an engine given as `http://host:port`, with or without `/v1`. */
export function engineBaseUrl(url: string): string {
  return `${stripV1(url)}/v1`;
}

/** `path` (e.g. `/v1/models`) on an engine given as `http://host:port`, with or without a trailing `/v1`. */
export function engineEndpoint(url: string, path: string): string {
  return `${stripV1(url)}${path}`;
}

function stripV1(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v1$/, '');
}
