// Walks the Django REST Framework reference app (tests/drf_app) through the generated TypeScript
// client: log in, create, read, PATCH, page, filter, the `close` action, refresh, signup, 403 and 404.
//
// tests/python/test_drf_walk_typescript.py generates the client of one of the app's documents into
// ./helpdesk beside a copy of this file, compiles both with tsc (tsconfig.nodenext.json) and runs
// `node drf_walk.js <server url>`. Each check starts from a reset database holding only the demo
// user (id 1); the script prints one line per check and a summary, and exits 1 when one failed.

import assert from "node:assert/strict";
import { runChecks, type Check } from "./checks.js";

import API, { isApiError } from "./helpdesk/index.js";

const serverUrl = process.argv[2];
if (serverUrl === undefined) {
  console.error("usage: node drf_walk.js SERVER_URL");
  process.exit(2);
}
const baseUrl: string = serverUrl;

// The demo account POST /api/test/reset/ recreates (tests/python/drf_support.py).
const USERNAME = "alice";
const PASSWORD = "wonderland-42";
const EMAIL = "alice@example.com";
const NO_TICKET = "No Ticket matches the given query.";
const NOT_THE_AUTHOR = "Only the author may change or delete this.";

async function reset(): Promise<void> {
  const response = await fetch(`${baseUrl}/api/test/reset/`, { method: "POST", signal: AbortSignal.timeout(10_000) });
  assert.equal(response.status, 204);
}

/** Logs `api` in with the client's token method; returns the pair. */
async function logIn(api: API, username = USERNAME, password = PASSWORD): Promise<{ access: string; refresh: string }> {
  const pair = await api.authTokenCreate({ username, password });
  api.setToken(pair.access, pair.refresh);
  assert.ok(api.isAuthenticated());
  return pair;
}

function isJwt(token: string): boolean {
  return token.split(".").length === 3;
}

/** Runs `call`, which must throw; returns what it threw. */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new assert.AssertionError({ message: "the call did not throw" });
}

const checks: Check<API>[] = [
  [
    "login obtains a token pair whose access token logs in",
    async (api) => {
      const anonymous = await thrown(() => api.authMeRetrieve());
      assert.ok(isApiError(anonymous, "authMeRetrieve"));
      assert.equal(anonymous.response?.status, 401);
      const pair = await logIn(api);
      assert.ok(isJwt(pair.access) && isJwt(pair.refresh));
      assert.deepEqual(Object.keys(pair).sort(), ["access", "refresh"]);
      const me = await api.authMeRetrieve();
      assert.deepEqual(me, { id: 1, username: USERNAME, email: EMAIL, theme: null });
    },
  ],
  [
    "create sends only the writable fields and reads the ticket back",
    async (api) => {
      await logIn(api);
      const ticket = await api.ticketsCreate({ title: "Printer on fire" });
      assert.equal(ticket.id, 1);
      assert.equal(ticket.title, "Printer on fire");
      assert.equal(ticket.description, "");
      assert.equal(ticket.status, "open");
      assert.equal(ticket.priority, 2);
      assert.deepEqual(ticket.author, { id: 1, username: USERNAME, email: EMAIL, theme: null });
      assert.deepEqual([ticket.messages, ticket.message_count], [[], 0]);
      assert.deepEqual(await api.ticketsRetrieve({ id: ticket.id }), ticket);
    },
  ],
  [
    "patch sends only the fields set and the others keep their values",
    async (api) => {
      await logIn(api);
      const ticket = await api.ticketsCreate({ title: "Broken chair", description: "Leg is loose", priority: 3 });
      const patched = await api.ticketsPartialUpdate({ id: ticket.id }, { status: "in_progress" });
      assert.deepEqual(
        [patched.title, patched.description, patched.status, patched.priority],
        ["Broken chair", "Leg is loose", "in_progress", 3],
      );
      assert.equal(patched.created_at, ticket.created_at);
      assert.ok(patched.updated_at > ticket.updated_at);
    },
  ],
  [
    "list pages three tickets at a time with count, next and previous",
    async (api) => {
      await logIn(api);
      for (let n = 1; n <= 7; n++) {
        await api.ticketsCreate({ title: `Ticket ${n}` });
      }
      const first = await api.ticketsList();
      assert.equal(first.count, 7);
      assert.deepEqual(first.results.map((t) => t.title), ["Ticket 1", "Ticket 2", "Ticket 3"]);
      assert.deepEqual([first.next, first.previous], [`${baseUrl}/api/tickets/?page=2`, null]);
      const last = await api.ticketsList({ page: 3 });
      assert.deepEqual(last.results.map((t) => t.id), [7]);
      assert.deepEqual([last.next, last.previous], [null, `${baseUrl}/api/tickets/?page=2`]);
      const bigger = await api.ticketsList({ page: 2, page_size: 5 });
      assert.deepEqual(bigger.results.map((t) => t.id), [6, 7]);
    },
  ],
  [
    "list filters by status and priority, searches and orders",
    async (api) => {
      await logIn(api);
      await api.ticketsCreate({ title: "Printer jammed", priority: 1 });
      await api.ticketsCreate({ title: "Printer out of toner", priority: 3 });
      await api.ticketsCreate({ title: "Laptop fan", priority: 3, description: "printer nearby is loud" });
      await api.ticketsCreate({ title: "Closed printer issue", priority: 2, status: "closed" });
      const ids = async (params: Parameters<API["ticketsList"]>[0]) =>
        (await api.ticketsList({ page_size: 50, ...params })).results.map((t) => t.id);
      assert.deepEqual(await ids({ status: "closed" }), [4]);
      assert.deepEqual(await ids({ priority: 3 }), [2, 3]);
      assert.deepEqual(await ids({ search: "printer" }), [1, 2, 3, 4]);
      assert.deepEqual(await ids({ ordering: "-priority" }), [2, 3, 4, 1]);
      assert.deepEqual(await ids({ status: "open", search: "printer", ordering: "-id" }), [3, 2, 1]);
    },
  ],
  [
    "close action returns the closed ticket",
    async (api) => {
      await logIn(api);
      const ticket = await api.ticketsCreate({ title: "Done soon" });
      const closed = await api.ticketsCloseCreate({ id: ticket.id });
      assert.deepEqual([closed.id, closed.status], [ticket.id, "closed"]);
      assert.equal((await api.ticketsRetrieve({ id: ticket.id })).status, "closed");
    },
  ],
  [
    "an expired access token is refreshed by the refresh handler, which gets a rotated refresh token",
    async (api) => {
      const pair = await logIn(api);
      const rotated: string[] = [];
      api.setRefreshHandler(async (refresh) => {
        assert.equal(refresh, pair.refresh);
        const fresh = await api.authTokenRefreshCreate({ refresh: refresh ?? "" });
        rotated.push(fresh.refresh);
        api.setToken(fresh.access, fresh.refresh);
        return fresh.access;
      });
      api.setToken("not-a-valid-access-token");
      const me = await api.authMeRetrieve();
      assert.equal(me.username, USERNAME);
      assert.equal(rotated.length, 1);
      assert.ok(isJwt(rotated[0] ?? "") && rotated[0] !== pair.refresh);
    },
  ],
  [
    "signup sends the write-only password and the account logs in",
    async (api) => {
      const account = await api.authSignupCreate({
        username: "bob",
        password: "builder-123",
        email: "bob@example.com",
        theme: "dark",
      });
      assert.deepEqual(account, { id: 2, username: "bob", email: "bob@example.com", theme: "dark" });
      await logIn(api, "bob", "builder-123");
      assert.equal((await api.authMeRetrieve()).id, 2);
      const taken = await thrown(() => api.authSignupCreate({ username: "bob", password: "another-123" }));
      assert.ok(isApiError(taken, "authSignupCreate"));
      assert.equal(taken.response?.status, 400);
      assert.deepEqual(taken.response?.data, { username: ["A user with that username already exists."] });
    },
  ],
  [
    "403 and 404 throw the ApiError that carries the documented ErrorDetail",
    async (api) => {
      await logIn(api);
      const ticket = await api.ticketsCreate({ title: "Alice's ticket" });
      const missing = await thrown(() => api.ticketsRetrieve({ id: 999 }));
      assert.ok(isApiError(missing, "ticketsRetrieve"));
      assert.equal(missing.response?.status, 404);
      const detail: string | undefined = missing.response?.data.detail;
      assert.equal(detail, NO_TICKET);
      await api.authSignupCreate({ username: "bob", password: "builder-123" });
      await logIn(api, "bob", "builder-123");
      const forbidden = await thrown(() => api.ticketsPartialUpdate({ id: ticket.id }, { title: "Bob's now" }));
      assert.ok(isApiError(forbidden, "ticketsPartialUpdate"));
      // Comparing the status narrows `data` to the 403's documented body.
      assert.equal(forbidden.response?.status, 403);
      assert.equal(forbidden.response?.data.detail, NOT_THE_AUTHOR);
      assert.equal((await api.ticketsRetrieve({ id: ticket.id })).title, "Alice's ticket");
    },
  ],
];

await runChecks(checks, async () => {
  await reset();
  return new API(baseUrl);
});
