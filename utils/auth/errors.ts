/** The extension has no app registration yet (options page not saved). */
export class NotConfiguredError extends Error {
  constructor() {
    super('Not configured');
    this.name = 'NotConfiguredError';
  }
}

/** No usable session and the caller did not allow an interactive sign-in. */
export class SignInRequiredError extends Error {
  constructor(readonly reason: string) {
    super(`Sign-in required: ${reason}`);
    this.name = 'SignInRequiredError';
  }
}
