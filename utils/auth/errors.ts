/** The extension has no app registration yet (options page not saved). */
export class NotConfiguredError extends Error {
  constructor() {
    super('Not configured');
    this.name = 'NotConfiguredError';
  }
}

/** No usable session and the caller did not allow an interactive sign-in. */
export class SignInRequiredError extends Error {
  constructor(
    readonly detail: string,
    /** Why Entra wants a fresh sign-in, when Conditional Access said so (for the sentence). */
    readonly reason?: 'mfa' | 'signInFrequency',
  ) {
    super(`Sign-in required: ${detail}`);
    this.name = 'SignInRequiredError';
  }
}

/** The account signed in belongs to another directory than the one the extension is set up for. */
export class WrongTenantError extends Error {
  constructor(
    readonly accountTenantId: string,
    readonly configuredTenant: string,
  ) {
    super(`Signed in to tenant ${accountTenantId}, configured for ${configuredTenant}`);
    this.name = 'WrongTenantError';
  }
}
