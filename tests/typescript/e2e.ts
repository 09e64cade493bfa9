// Calls every operation of the reference FastAPI app (tests/reference_app/app.py) through the
// generated TypeScript client and checks what comes back.
//
// tests/python/test_typescript.py generates the client into ./refclient beside a copy of this
// file, compiles both with tsc (tsconfig.nodenext.json) and runs `node e2e.js <server url>`.
// Each check runs on an empty server (POST /reset first); the script prints one line per check
// and a summary, and exits 1 when any check failed.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { runChecks, type Check } from "./checks.js";

import API, { ApiError, isApiError } from "./refclient/index.js";
import type {
  ConflictError,
  HTTPValidationError,
  OperationErrors,
  Ticket,
  TypedResponse,
  User,
  UserCreate,
} from "./refclient/index.js";

const serverUrl = process.argv[2];
if (serverUrl === undefined) {
  console.error("usage: node e2e.js SERVER_URL");
  process.exit(2);
}
const baseUrl: string = serverUrl;

// The demo accounts of tests/reference_app/app.py.
const USERNAME = "alice";
const PASSWORD = "wonderland";
const BEARER_TOKEN = "alice-token";
const BASIC_USER = "bob";
const BASIC_PASSWORD = "builder";
const API_KEY = "carol-key";
const API_KEY_OWNER = "carol";

const AVATAR = new Uint8Array(8 + 256 * 4);
AVATAR.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
for (let index = 0; index < 256 * 4; index++) {
  AVATAR[8 + index] = index % 256;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Runs `call`, which must throw the ApiError of `operation`; returns it, typed. */
async function rejects<K extends keyof OperationErrors>(
  operation: K,
  call: () => Promise<unknown>,
): Promise<ApiError<OperationErrors[K]>> {
  try {
    await call();
  } catch (error) {
    if (isApiError(error, operation)) {
      return error;
    }
    throw error;
  }
  assert.fail(`${operation} did not throw`);
}

/** The response of an ApiError, which must have one. */
function responseOf<T extends TypedResponse>(error: ApiError<T>) {
  assert.ok(error.response, `${error.operation}: expected a response, got ${error.message}`);
  return error.response;
}

async function createAda(api: API, fields: Partial<UserCreate> = {}): Promise<User> {
  return api.createUser({ name: "Ada", email: "ada@example.com", ...fields });
}

const checks: Check<API>[] = [];

function check(name: string, run: (api: API) => Promise<void>): void {
  checks.push([name, run]);
}

check("reset returns undefined for 204 and empties the server", async (api) => {
  await createAda(api);
  assert.equal(await api.reset(), undefined);
  assert.equal((await api.listUsers()).total, 0);
});

check("createUser returns the User with typed fields", async (api) => {
  const created = await api.createUser({
    name: "Ada",
    email: "ada@example.com",
    role: "admin",
    tags: ["math"],
    address: { street: "1 Main St", city: "Springfield", country_code: "US" },
  });
  assert.deepEqual([created.name, created.email, created.role, created.tags], ["Ada", "ada@example.com", "admin", ["math"]]);
  assert.equal(created.address?.city, "Springfield");
  assert.equal(typeof created.id, "number");
  assert.ok(!Number.isNaN(Date.parse(created.created_at)), "created_at is a date-time string");
  assert.match(created.external_id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.equal(created.nickname, null);
});

check("createUser lets the server apply defaults for unset fields", async (api) => {
  const user = await createAda(api);
  assert.deepEqual([user.role, user.tags, user.address], ["member", [], null]);
});

check("createUser with a taken email throws ApiError 409 with ConflictError data", async (api) => {
  const first = await createAda(api);
  const error = await rejects("createUser", () => api.createUser({ name: "Other", email: "ada@example.com" }));
  const response = responseOf(error);
  assert.equal(response.status, 409);
  const data: ConflictError | HTTPValidationError = response.data;
  assert.ok("existing_id" in data, "the data is a ConflictError");
  assert.deepEqual([data.detail, data.existing_id], ["Email ada@example.com is taken", first.id]);
});

check("getUser returns the stored user", async (api) => {
  const created = await createAda(api, { tags: ["x"] });
  assert.deepEqual(await api.getUser({ user_id: created.id }), created);
});

check("getUser of a missing user throws ApiError 404 with NotFoundError data", async (api) => {
  const error = await rejects("getUser", () => api.getUser({ user_id: 404 }));
  const response = responseOf(error);
  assert.equal(response.status, 404);
  assert.deepEqual(response.data, { detail: "User 404 not found" });
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.ok(error instanceof ApiError && error instanceof Error);
  assert.equal(error.request.method, "GET");
  assert.equal(error.request.url, `${baseUrl}/users/404`);
});

check("listUsers sends limit and offset as query parameters", async (api) => {
  for (const n of [0, 1, 2]) {
    await api.createUser({ name: `user${n}`, email: `user${n}@example.com` });
  }
  const page = await api.listUsers({ limit: 2, offset: 1 });
  assert.deepEqual(page.items.map((user) => user.name), ["user1", "user2"]);
  assert.deepEqual([page.total, page.limit, page.offset], [3, 2, 1]);
});

check("listUsers without params uses the server defaults", async (api) => {
  const page = await api.listUsers();
  assert.deepEqual([page.items, page.total, page.limit, page.offset], [[], 0, 20, 0]);
});

check("an invalid query value throws ApiError 422 with HTTPValidationError data", async (api) => {
  const error = await rejects("listUsers", () => api.listUsers({ limit: 0 }));
  const response = responseOf(error);
  assert.equal(response.status, 422);
  const detail = response.data.detail ?? [];
  assert.deepEqual(detail[0]?.loc, ["query", "limit"]);
});

check("updateUser sends only the fields given", async (api) => {
  const user = await createAda(api);
  const nicknamed = await api.updateUser({ user_id: user.id }, { nickname: "countess" });
  assert.deepEqual([nicknamed.name, nicknamed.nickname], ["Ada", "countess"]);
  const renamed = await api.updateUser({ user_id: user.id }, { name: "Ada Lovelace" });
  assert.deepEqual([renamed.name, renamed.email, renamed.nickname], ["Ada Lovelace", "ada@example.com", "countess"]);
  const demoted = await api.updateUser({ user_id: user.id }, { role: "guest" });
  assert.deepEqual([demoted.role, demoted.nickname], ["guest", "countess"]);
});

check("updateUser sends an explicit null to clear a field", async (api) => {
  const user = await createAda(api);
  await api.updateUser({ user_id: user.id }, { nickname: "countess" });
  const cleared = await api.updateUser({ user_id: user.id }, { nickname: null });
  assert.deepEqual([cleared.name, cleared.nickname], ["Ada", null]);
});

check("updateUser of a missing user throws ApiError 404", async (api) => {
  const error = await rejects("updateUser", () => api.updateUser({ user_id: 404 }, { name: "x" }));
  assert.equal(responseOf(error).status, 404);
});

check("deleteUser returns undefined for 204", async (api) => {
  const user = await createAda(api);
  assert.equal(await api.deleteUser({ user_id: user.id }), undefined);
  const error = await rejects("getUser", () => api.getUser({ user_id: user.id }));
  assert.equal(responseOf(error).status, 404);
  const missing = await rejects("deleteUser", () => api.deleteUser({ user_id: 404 }));
  assert.deepEqual(responseOf(missing).data, { detail: "User 404 not found" });
});

check("uploadAvatar sends a File as a multipart part with the form field", async (api) => {
  const user = await createAda(api);
  const file = new File([AVATAR], "avatar.png", { type: "image/png" });
  const received = await api.uploadAvatar({ user_id: user.id }, { file, description: "my face" });
  assert.deepEqual(
    [received.size, received.sha256, received.filename, received.content_type, received.description],
    [AVATAR.length, sha256(AVATAR), "avatar.png", "image/png", "my face"],
  );
});

check("uploadAvatar sends a Blob without the optional form field", async (api) => {
  const user = await createAda(api);
  const received = await api.uploadAvatar({ user_id: user.id }, { file: new Blob([new Uint8Array(0)]) });
  assert.deepEqual([received.size, received.description], [0, null]);
  const missing = await rejects("uploadAvatar", () => api.uploadAvatar({ user_id: 404 }, { file: new Blob([AVATAR]) }));
  assert.equal(responseOf(missing).status, 404);
});

check("getAvatar returns the uploaded bytes as a Blob", async (api) => {
  const user = await createAda(api);
  await api.uploadAvatar({ user_id: user.id }, { file: new File([AVATAR], "a.png", { type: "image/png" }) });
  const avatar: Blob = await api.getAvatar({ user_id: user.id });
  assert.equal(avatar.type, "image/png");
  assert.deepEqual(new Uint8Array(await avatar.arrayBuffer()), AVATAR);
  const missing = await rejects("getAvatar", () => api.getAvatar({ user_id: 404 }));
  assert.deepEqual(responseOf(missing).data, { detail: "user 404 has no avatar" });
});

check("token sends a form and returns the bearer token", async (api) => {
  const token = await api.token({ username: USERNAME, password: PASSWORD });
  assert.deepEqual([token.access_token, token.token_type], [BEARER_TOKEN, "bearer"]);
});

check("token with a wrong password throws ApiError 400 with the body and headers", async (api) => {
  const error = await rejects("token", () => api.token({ username: USERNAME, password: "wrong" }));
  const response = responseOf(error);
  assert.equal(response.status, 400);
  assert.deepEqual(response.data, { detail: "Incorrect username or password" });
  assert.equal(response.headers.get("content-type"), "application/json");
});

check("setToken sends the bearer token; clearToken forgets it", async (api) => {
  assert.equal(api.isAuthenticated(), false);
  const token = await api.token({ username: USERNAME, password: PASSWORD });
  api.setToken(token.access_token);
  assert.equal(api.isAuthenticated(), true);
  assert.deepEqual(await api.getMe(), { username: USERNAME, scheme: "bearer" });
  api.clearToken();
  assert.equal(api.isAuthenticated(), false);
  const error = await rejects("getMe", () => api.getMe());
  assert.deepEqual([responseOf(error).status, responseOf(error).data], [401, { detail: "Not authenticated" }]);
});

check("a wrong bearer token throws ApiError 401", async (api) => {
  api.setToken("stolen");
  const error = await rejects("getMe", () => api.getMe());
  assert.deepEqual([responseOf(error).status, responseOf(error).data], [401, { detail: "Invalid credentials" }]);
});

check("setBasicAuth sends basic credentials", async (api) => {
  const error = await rejects("basicWhoami", () => api.basicWhoami());
  assert.equal(responseOf(error).status, 401);
  api.setBasicAuth(BASIC_USER, "wrong");
  const wrong = await rejects("basicWhoami", () => api.basicWhoami());
  assert.deepEqual(responseOf(wrong).data, { detail: "Invalid credentials" });
  api.setBasicAuth(BASIC_USER, BASIC_PASSWORD);
  assert.deepEqual(await api.basicWhoami(), { username: BASIC_USER, scheme: "basic" });
});

check("setApiKey sends the key in the header or in the query, as the named scheme says", async (api) => {
  const header = await rejects("apiKeyWhoami", () => api.apiKeyWhoami());
  assert.deepEqual(responseOf(header).data, { detail: "Not authenticated" });
  // Two API key schemes: a key without a scheme name would be ambiguous.
  assert.throws(() => api.setApiKey(API_KEY), /2 API key .*APIKeyHeader, APIKeyQuery/);
  api.setApiKey(API_KEY, "APIKeyHeader");
  assert.deepEqual(await api.apiKeyWhoami(), { username: API_KEY_OWNER, scheme: "api_key_header" });
  const query = await rejects("apiKeyQueryWhoami", () => api.apiKeyQueryWhoami());
  assert.deepEqual(responseOf(query).data, { detail: "Not authenticated" });
  api.setApiKey(API_KEY, "APIKeyQuery");
  assert.deepEqual(await api.apiKeyQueryWhoami(), { username: API_KEY_OWNER, scheme: "api_key_query" });
});

check("setApiKey for one scheme sends that key only there", async (api) => {
  api.setApiKey("wrong", "APIKeyHeader");
  api.setApiKey(API_KEY, "APIKeyQuery");
  assert.deepEqual(await api.apiKeyQueryWhoami(), { username: API_KEY_OWNER, scheme: "api_key_query" });
  const error = await rejects("apiKeyWhoami", () => api.apiKeyWhoami());
  assert.deepEqual(responseOf(error).data, { detail: "Invalid credentials" });
});

check("a 401 calls the refresh handler once with the refresh token, then retries", async () => {
  let sent = 0;
  const counting: typeof fetch = (input, init) => {
    sent += 1;
    return fetch(input, init);
  };
  const api = new API(baseUrl, { fetch: counting });
  api.setToken("expired", "refresh-1");
  const refreshTokens: (string | null)[] = [];
  api.setRefreshHandler(async (refreshToken) => {
    refreshTokens.push(refreshToken);
    return BEARER_TOKEN;
  });
  assert.deepEqual(await api.getMe(), { username: USERNAME, scheme: "bearer" });
  assert.deepEqual(refreshTokens, ["refresh-1"]);
  assert.equal(sent, 2, "one request, one retry");
  assert.deepEqual(await api.getMe(), { username: USERNAME, scheme: "bearer" });
  assert.deepEqual([refreshTokens.length, sent], [1, 3], "the new token is kept");
});

check("a refresh handler that gives up leaves the 401 ApiError", async () => {
  let sent = 0;
  const api = new API(baseUrl, {
    fetch: (input, init) => {
      sent += 1;
      return fetch(input, init);
    },
  });
  api.setToken("expired");
  let refreshes = 0;
  api.setRefreshHandler(() => {
    refreshes += 1;
    return null;
  });
  const error = await rejects("getMe", () => api.getMe());
  assert.deepEqual([responseOf(error).status, refreshes, sent], [401, 1, 1]);
  // Operations without bearer security never refresh.
  await rejects("basicWhoami", () => api.basicWhoami());
  assert.equal(refreshes, 1);
});

check("createTicket round-trips integer and string enums and dates", async (api) => {
  const ticket: Ticket = await api.createTicket({
    title: "Fix the build",
    priority: 3,
    status: "in_progress",
    due_on: "2030-01-31",
  });
  assert.deepEqual([ticket.title, ticket.priority, ticket.status, ticket.due_on], ["Fix the build", 3, "in_progress", "2030-01-31"]);
  assert.ok(!Number.isNaN(Date.parse(ticket.created_at)));
});

check("createTicket lets the server apply enum defaults", async (api) => {
  const ticket = await api.createTicket({ title: "Later" });
  assert.deepEqual([ticket.priority, ticket.status, ticket.due_on], [2, "open", null]);
});

check("listTickets filters by an integer enum query parameter", async (api) => {
  for (const [title, priority] of [["a", 1], ["b", 3], ["c", 3]] as const) {
    await api.createTicket({ title, priority });
  }
  assert.deepEqual((await api.listTickets({ priority: 3 })).map((t) => t.title), ["b", "c"]);
  assert.deepEqual((await api.listTickets()).map((t) => t.title), ["a", "b", "c"]);
});

check("getLabels returns a string map", async (api) => {
  const labels: Record<string, string> = await api.getLabels();
  assert.deepEqual(labels, { env: "test", team: "clientgen" });
});

check("getVersionText returns plain text as a string", async (api) => {
  assert.equal(await api.getVersionText(), "Reference API 1.0.0");
});

check("isHealthy returns a bare JSON boolean", async (api) => {
  assert.equal(await api.isHealthy(), true);
});

check("echoRequest sends header and cookie parameters", async (api) => {
  const echoed = await api.echoRequest({ "X-Request-ID": "req-42", session_id: "sess-7" });
  assert.deepEqual(echoed, { x_request_id: "req-42", session_id: "sess-7" });
});

check("echoRequest leaves out unset header and cookie parameters", async (api) => {
  assert.deepEqual(await api.echoRequest(), { x_request_id: null, session_id: null });
});

check("setHeaders adds headers to every request; call options win", async (api) => {
  api.setHeaders({ "X-Request-ID": "from-client" });
  assert.equal((await api.echoRequest()).x_request_id, "from-client");
  const echoed = await api.echoRequest({}, { headers: { "X-Request-ID": "from-call" } });
  assert.equal(echoed.x_request_id, "from-call");
});

check("setBaseUrl redirects later calls", async () => {
  const api = new API("http://127.0.0.1:9/nowhere");
  api.setBaseUrl(`${baseUrl}/`);
  assert.equal(await api.isHealthy(), true);
});

check("no response throws ApiError with the request and no response", async () => {
  const api = new API("http://127.0.0.1:9");
  try {
    await api.isHealthy();
    assert.fail("isHealthy did not throw");
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    assert.equal(error.kind, "network");
    assert.equal(error.response, undefined);
    assert.equal(error.request.url, "http://127.0.0.1:9/health");
    assert.ok(error.cause !== undefined);
  }
});

// Never called: tsc checks that the generated signatures reject wrong calls.
export function typeErrors(api: API): void {
  // @ts-expect-error user_id is required
  void api.getUser({});
  // @ts-expect-error user_id is a number
  void api.getUser({ user_id: "1" });
  // @ts-expect-error the body is required
  void api.createTicket();
  // @ts-expect-error priority is 1 | 2 | 3
  void api.createTicket({ title: "x", priority: 4 });
  // @ts-expect-error status is a string literal union
  void api.createTicket({ title: "x", status: "done" });
  // @ts-expect-error listUsers takes limit and offset only
  void api.listUsers({ nope: 1 });
}

await runChecks(checks, async () => {
  const api = new API(baseUrl);
  await api.reset();
  return api;
});
