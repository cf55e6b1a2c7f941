/** vLLM text mode: special tokens kept verbatim, the matched stop string kept in the output. */
export const VLLM_TEXT_MODE = {
  skip_special_tokens: false,
  spaces_between_special_tokens: false,
  include_stop_str_in_output: true,
} as const;

/** `path` (e.g. `/v1/models`) on an engine given as `http://host:port`, with or without a trailing `/v1`. */
export function engineEndpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '')}${path}`;
}
