/** Bull Board is not served while authentication is disabled, unless explicitly allowed. */
export class AdminUiDisabledError extends Error {
  override readonly name = 'AdminUiDisabledError';
  constructor() {
    super(
      'The queue dashboard is off while authentication is disabled (API_AUTH_DISABLED=true): configure API_KEYS and use an admin key, or set API_ADMIN_UI_WITHOUT_AUTH=true on a development machine.',
    );
  }
}
