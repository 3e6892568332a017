import { TestHttpClient } from './http-client';

/**
 * A test's client of a running Tiergate api (in this process, a child process or a deployment):
 * JSON requests plus the sign-in steps that nearly every test takes first.
 */
export class ApiTestClient extends TestHttpClient {
  /** Signs in with a password; resolves with the access token (rejects unless the api says 200). */
  async signIn(email: string, password: string): Promise<string> {
    const login = await this.post('/api/v1/auth/login', { email, password });
    if (login.status !== 200) throw new Error(`sign-in as ${email} failed: ${login.status} ${login.text}`);
    return login.body.access_token as string;
  }

  /** Registers and signs in a new user; returns its access token and id. */
  async user(email = `user-${Math.random().toString(36).slice(2)}@example.com`, password = 'password-123') {
    const registered = await this.post('/api/v1/auth/register', { email, password });
    if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
    return { id: registered.body.id as string, email, password, token: await this.signIn(email, password) };
  }
}
