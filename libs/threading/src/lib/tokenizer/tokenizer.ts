/** Counts tokens of a text; injected into metrics so the library never loads a model by itself. */
export interface Tokenizer {
  readonly name: string;
  countTokens(text: string): number;
}
