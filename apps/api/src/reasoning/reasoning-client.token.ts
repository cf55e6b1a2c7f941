/** DI token of the {@link ReasoningClient} the API talks to (the interface, not an implementation). */
export const REASONING_CLIENT = Symbol('REASONING_CLIENT');
