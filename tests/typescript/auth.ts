// The README's credentials contract (## Credentials: what each call carries), checked through the
// generated TypeScript client of the auth app (tests/auth_app), which echoes what each call carried.
//
// tests/python/test_auth_typescript.py generates the client of tests/rust/specs/auth.json into
// ./auth, and its zones (tests/fixtures/zones/auth.toml: `echo` and `account`) into ./zones,
// beside a copy of this file, compiles them with tsc --strict and runs `node auth.js <server url>`.
// Each check runs on a reset server; each is reported as its own pytest test.

import assert from "node:assert/strict";
import { runChecks, type Check } from "./checks.js";

import API, { ApiClient, ApiError, type Identity, type Received, type TypedResponse } from "./auth/index.js";
import { AccountAPI, EchoAPI } from "./zones/index.js";
import { Credentials } from "./zones/echo/index.js";

const serverUrl = process.argv[2];
if (serverUrl === undefined) {
  console.error("usage: node auth.js SERVER_URL");
  process.exit(2);
}
const baseUrl: string = serverUrl;

const NOTHING: Received = { authorization: null, x_api_key: null, api_key: null, cookie: null };
const BASIC_ALICE = `Basic ${Buffer.from("alice:wonderland").toString("base64")}`;

/** `NOTHING` with `sent` on top: what an echo answers when exactly `sent` arrived. */
function only(sent: Partial<Received>): Received {
  return { ...NOTHING, ...sent };
}

async function counters(): Promise<{ refreshes: number; unauthorized: number }> {
  const response = await fetch(`${baseUrl}/test/counters`);
  return (await response.json()) as { refreshes: number; unauthorized: number };
}

async function expire(): Promise<void> {
  await fetch(`${baseUrl}/test/expire`, { method: "POST" });
}

/** Sets every credential of the auth spec, each to a value of its own. */
function setAll(api: API): void {
  api.setToken("bearer-token", undefined, "bearerAuth");
  api.setToken("oauth2-token", undefined, "oauth2");
  api.setBasicAuth("alice", "wonderland");
  api.setApiKey("header-key", "headerKey");
  api.setApiKey("query-key", "queryKey");
  api.setApiKey("cookie-key", "cookieKey");
}

/** A client of a spec with one bearer scheme (`jwt`), one header key and one cookie key. */
class OneOfEachKind extends ApiClient {
  constructor() {
    super(baseUrl, {
      jwt: { type: "bearer" },
      key: { type: "apiKey", in: "header", name: "X-API-Key" },
      session: { type: "apiKey", in: "cookie", name: "session" },
    });
  }

  echo(path: string, security: string[][]): Promise<TypedResponse<200, Received>> {
    return this.request({ operation: "echo", method: "GET", path, security, responses: { "200": "object" } });
  }
}

/** Logs alice in through `api` and keeps the pair under `oauth2`, rotating it on every refresh. */
async function logIn(api: API | InstanceType<typeof AccountAPI>): Promise<void> {
  const tokens = await api.token({ username: "alice", password: "wonderland" });
  api.setToken(tokens.access_token, tokens.refresh_token, "oauth2");
  api.setRefreshHandler(async (refreshToken) => {
    assert.ok(refreshToken !== null, "the refresh token set with the access token");
    const fresh = await api.refreshToken({ refresh_token: refreshToken });
    return { accessToken: fresh.access_token, refreshToken: fresh.refresh_token };
  });
}

const checks: Check<API>[] = [];
function check(name: string, run: (api: API) => Promise<void>): void {
  checks.push([name, run]);
}

check("an operation without security sends no credential", async (api) => {
  setAll(api);
  assert.deepEqual(await api.echoPublic(), NOTHING);
});

check("a bearer token goes only to the operations of the scheme it was set for", async (api) => {
  api.setToken("bearer-token", undefined, "bearerAuth");
  assert.deepEqual(await api.echoBearer(), only({ authorization: "Bearer bearer-token" }));
  assert.deepEqual(await api.echoOauth2(), NOTHING);
  api.setToken("oauth2-token", undefined, "oauth2");
  assert.deepEqual(await api.echoOauth2(), only({ authorization: "Bearer oauth2-token" }));
  assert.deepEqual(await api.echoBearer(), only({ authorization: "Bearer bearer-token" }));
});

check("each echo operation carries exactly what its security asks for and was set", async (api) => {
  setAll(api);
  assert.deepEqual(await api.echoBearer(), only({ authorization: "Bearer bearer-token" }));
  assert.deepEqual(await api.echoOauth2(), only({ authorization: "Bearer oauth2-token" }));
  assert.deepEqual(await api.echoBasic(), only({ authorization: BASIC_ALICE }));
  assert.deepEqual(await api.echoHeaderKey(), only({ x_api_key: "header-key" }));
  assert.deepEqual(await api.echoQueryKey(), only({ api_key: "query-key" }));
  assert.deepEqual(await api.echoCookieKey(), only({ cookie: "session=cookie-key" }));
});

check("an API key goes only where its scheme says, never under another key scheme", async (api) => {
  api.setApiKey("header-key", "headerKey");
  assert.deepEqual(await api.echoQueryKey(), NOTHING);
  assert.deepEqual(await api.echoCookieKey(), NOTHING);
  api.setCredential("cookieKey", "cookie-key");
  assert.deepEqual(await api.echoCookieKey(), only({ cookie: "session=cookie-key" }));
  assert.deepEqual(await api.echoHeaderKey(), only({ x_api_key: "header-key" }));
});

check("of two alternatives the first complete one goes, with exactly its credentials", async (api) => {
  api.setApiKey("header-key", "headerKey");
  assert.deepEqual(await api.echoBearerOrHeaderKey(), only({ x_api_key: "header-key" }));
  api.setToken("bearer-token", undefined, "bearerAuth");
  assert.deepEqual(await api.echoBearerOrHeaderKey(), only({ authorization: "Bearer bearer-token" }));
});

check("a requirement naming two schemes sends both or nothing", async (api) => {
  api.setApiKey("header-key", "headerKey");
  assert.deepEqual(await api.echoHeaderKeyAndCookieKey(), NOTHING);
  api.setApiKey("cookie-key", "cookieKey");
  assert.deepEqual(
    await api.echoHeaderKeyAndCookieKey(),
    only({ x_api_key: "header-key", cookie: "session=cookie-key" }),
  );
});

check("a shortcut throws when the spec has several schemes of its kind, naming them", async (api) => {
  assert.throws(() => api.setToken("token"), /setToken: .*2 bearer .*bearerAuth, oauth2/);
  assert.throws(() => api.setApiKey("key"), (error: Error) => /headerKey, queryKey/.test(error.message) && !error.message.includes("cookieKey"));
  assert.throws(() => api.setToken("token", undefined, "basicAuth"), /"basicAuth" is not one of this API's bearer schemes \(bearerAuth, oauth2\)/);
  assert.throws(() => api.setCredential("nope", "x"), /"nope" is not one of this API's security schemes/);
  assert.equal(api.isAuthenticated(), false);
  assert.deepEqual(await api.echoBearer(), NOTHING);
});

check("a shortcut goes to the spec's one scheme of its kind; a cookie key only by name", async () => {
  const client = new OneOfEachKind();
  client.setToken("jwt-token");
  client.setApiKey("header-key");
  assert.deepEqual((await client.echo("/echo/bearer", [["jwt"]])).data, only({ authorization: "Bearer jwt-token" }));
  assert.deepEqual((await client.echo("/echo/cookie-key", [["session"]])).data, NOTHING);
  assert.deepEqual((await client.echo("/echo/header-key", [["key"]])).data, only({ x_api_key: "header-key" }));
  client.setApiKey("cookie-key", "session");
  assert.deepEqual((await client.echo("/echo/cookie-key", [["session"]])).data, only({ cookie: "session=cookie-key" }));
  assert.throws(() => client.setBasicAuth("alice", "wonderland"), /no basic .*security schemes: jwt, key, session/);
});

check("setBasicAuth without a name goes to the one basic scheme", async (api) => {
  api.setBasicAuth("alice", "wonderland");
  assert.deepEqual(await api.echoBasic(), only({ authorization: BASIC_ALICE }));
  assert.deepEqual(await api.echoBearer(), NOTHING);
});

check("an empty credential is no credential", async (api) => {
  setAll(api);
  api.setToken("", undefined, "bearerAuth");
  api.setApiKey("", "headerKey");
  api.setCredential("cookieKey", "");
  api.setBasicAuth("", "");
  assert.deepEqual(await api.echoBearer(), NOTHING);
  assert.deepEqual(await api.echoHeaderKey(), NOTHING);
  assert.deepEqual(await api.echoCookieKey(), NOTHING);
  assert.deepEqual(await api.echoBasic(), NOTHING);
  assert.equal(api.isAuthenticated("bearerAuth"), false);
  assert.equal(api.isAuthenticated(), true, "oauth2 still has its token");
  api.setToken("", undefined, "oauth2");
  assert.equal(api.isAuthenticated(), false);
});

check("concurrent 401s share one refresh, and the rotated refresh token is used next time", async (api) => {
  await logIn(api);
  const identity: Identity = { username: "alice" };
  assert.deepEqual(await api.me(), identity);
  await expire();
  assert.deepEqual(await Promise.all([api.me(), api.me(), api.me(), api.me()]), Array(4).fill(identity));
  assert.equal((await counters()).refreshes, 1);
  await expire();
  assert.deepEqual(await api.me(), identity, "the spent refresh token would be refused");
  assert.equal((await counters()).refreshes, 2);
});

check("a refresh replaces the token of the scheme that got the 401 only", async (api) => {
  api.setToken("bearer-token", undefined, "bearerAuth");
  await logIn(api);
  await expire();
  await api.me();
  const sent = (await api.echoOauth2()).authorization;
  assert.match(sent ?? "", /^Bearer access-2-/);
  assert.deepEqual(await api.echoBearer(), only({ authorization: "Bearer bearer-token" }));
});

check("a refresh handler may return the access token alone, or null to give up", async (api) => {
  await logIn(api);
  api.setRefreshHandler(async (refreshToken) => {
    const fresh = await api.refreshToken({ refresh_token: refreshToken ?? "" });
    return fresh.access_token;
  });
  await expire();
  assert.deepEqual(await api.me(), { username: "alice" });
  api.setRefreshHandler(() => null);
  await expire();
  await assert.rejects(api.me(), (error: unknown) => error instanceof ApiError && error.status === 401);
  assert.deepEqual(await counters(), { refreshes: 1, unauthorized: 2 }, "one 401 per expiry, one refresh");
});

check("with no server in the spec, the first call says how to set the base URL", async () => {
  const api = new API();
  await assert.rejects(api.echoPublic(), /echoPublic: no base URL.*new API\(.*setBaseUrl/);
  api.setBaseUrl(baseUrl);
  assert.deepEqual(await api.echoPublic(), NOTHING);
});

check("zone clients built on one Credentials share setToken and the refresh handler", async () => {
  const credentials = new Credentials();
  const account = new AccountAPI(baseUrl, { credentials });
  const echo = new EchoAPI(baseUrl, { credentials });
  await logIn(account);
  assert.match((await echo.echoOauth2()).authorization ?? "", /^Bearer access-1-/);
  echo.setApiKey("header-key", "headerKey");
  assert.equal(credentials.get("headerKey"), "header-key");
  await expire();
  await account.me();
  assert.match((await echo.echoOauth2()).authorization ?? "", /^Bearer access-2-/);
});

check("a zone client built without credentials keeps its own", async () => {
  const shared = new Credentials();
  const account = new AccountAPI(baseUrl, { credentials: shared });
  const echo = new EchoAPI(baseUrl);
  account.setToken("oauth2-token", undefined, "oauth2");
  assert.deepEqual(await echo.echoOauth2(), NOTHING);
  echo.setToken("own-token", undefined, "oauth2");
  assert.deepEqual(await echo.echoOauth2(), only({ authorization: "Bearer own-token" }));
  assert.equal(shared.get("oauth2"), "oauth2-token");
});

await runChecks(checks, async () => {
  await fetch(`${baseUrl}/test/reset`, { method: "POST" });
  return new API(baseUrl);
});
