// A real OpenID Connect provider for the tests: node-oidc-provider (OpenID Certified), started by
// tests/inlogdienst.py on a free loopback port. Its own development login page (devInteractions: any
// login name is the account's sub) and consent page; RP-initiated logout. The accounts' claims are read
// from the JSON file ACCOUNTS at every request, so a test can change someone's groups between logins.
import fs from 'node:fs';

import Provider from 'oidc-provider';

const {
  POORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI, ACCOUNTS,
} = process.env;

const provider = new Provider(`http://127.0.0.1:${POORT}`, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [REDIRECT_URI],
    post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'groups'],
  },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        const accounts = JSON.parse(fs.readFileSync(ACCOUNTS, 'utf8'));
        return { sub: id, ...(accounts[id] || {}) };
      },
    };
  },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['alleen-voor-de-tests'] },
});

provider.listen(Number(POORT), '127.0.0.1', () => console.log(`klaar op ${POORT}`));
