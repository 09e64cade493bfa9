// The README's response contract ("What a call returns"), row by row, for the TypeScript client:
// each check calls the contract app (tests/contract_app/app.py) through the client generated from
// its document and checks what the call resolves to or throws.
//
// tests/python/test_contract_typescript.py generates the client into ./contract beside a copy of
// this file, compiles both with tsc (tsconfig.nodenext.json) and runs `node contract.js <url>`;
// it reports each check (one per row) as a test of its own.

import assert from "node:assert/strict";
import { createServer } from "node:net";
import { runChecks, type Check } from "./checks.js";

import API, { ApiError, isApiError } from "./contract/index.js";
import type { ImportJob, Item, Message, NotFoundError, OperationErrors, Problem } from "./contract/index.js";

const serverUrl = process.argv[2];
if (serverUrl === undefined) {
  console.error("usage: node contract.js SERVER_URL");
  process.exit(2);
}
const baseUrl: string = serverUrl;

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

/** The checks every error that holds a response passes: status, headers and raw body are there. */
function assertResponseCame(error: ApiError, status: number, contentType: string, body: string): void {
  assert.equal(error.status, status);
  assert.ok(error.headers?.get("content-type")?.startsWith(contentType), `content-type ${String(error.headers?.get("content-type"))}`);
  assert.equal(error.body, body);
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address !== null && typeof address === "object");
  return address.port;
}

const checks: Check<API>[] = [];

function check(name: string, run: (api: API) => Promise<void>): void {
  checks.push([name, run]);
}

// documented 2xx with a body (get_item)

check("2xx body: getItem resolves to the Item", async (api) => {
  const item: Item = await api.getItem({ item_id: 1 });
  assert.deepEqual(item, { id: 1, name: "anvil" });
});

check("2xx body: getItemWithResponse gives status 200, data, headers and the raw body", async (api) => {
  const response = await api.getItemWithResponse({ item_id: 1 });
  const status: 200 = response.status;
  assert.equal(status, 200);
  assert.deepEqual(response.data, { id: 1, name: "anvil" });
  assert.equal(response.headers.get("content-type"), "application/json");
  assert.deepEqual(JSON.parse(response.body), response.data);
});

check("2xx body: listItemsWithResponse gives the ETag and Link headers", async (api) => {
  const response = await api.listItemsWithResponse();
  assert.equal(response.data.length, 2);
  assert.equal(response.headers.get("ETag"), '"items-v1"');
  assert.equal(response.headers.get("Link"), '</items?page=2>; rel="next"');
  assert.equal(response.headers.get("X-Total-Count"), "2");
});

// documented 2xx without a body (delete_item)

check("2xx without a body: deleteItem resolves to undefined; WithResponse gives 204 and data undefined", async (api) => {
  assert.equal(await api.deleteItem({ item_id: 1 }), undefined);
  const response = await api.deleteItemWithResponse({ item_id: 1 });
  assert.deepEqual([response.status, response.data, response.body], [204, undefined, ""]);
});

// several documented 2xx (import_item)

check("several 2xx: importItem is Item | ImportJob; WithResponse narrows on 201 / 202", async (api) => {
  const now: Item | ImportJob = await api.importItem({}, { name: "crate" });
  assert.deepEqual(now, { id: 3, name: "crate" });
  const later = await api.importItemWithResponse({ queue: true }, { name: "crate" });
  if (later.status === 202) {
    const job: ImportJob = later.data;
    assert.equal(job.job_id, "job-crate");
  } else {
    assert.fail(`expected 202, got ${later.status}`);
  }
  const created = await api.importItemWithResponse({}, { name: "crate" });
  assert.equal(created.status, 201);
  const item: Item = created.data;
  assert.equal(item.name, "crate");
});

// documented error status with a body (404, 409)

check("documented error: createItem 409 throws ApiError, response.status 409, data.existing_id", async (api) => {
  const error = await rejects("createItem", () => api.createItem({ name: "anvil" }));
  assert.equal(error.kind, "status");
  assert.ok(error.response);
  assert.equal(error.response.status, 409);
  assert.equal(error.response.data.existing_id, 1);
  assert.equal(error.response.data.detail, "anvil exists");
  assert.equal(error.message, "createItem: 409 Conflict");
});

check("documented error: getItem 404 narrows data to NotFoundError (detail: string)", async (api) => {
  const error = await rejects("getItem", () => api.getItem({ item_id: 9 }));
  assert.equal(error.kind, "status");
  if (error.response?.status !== 404) {
    assert.fail(`expected a 404 response, got ${error.message}`);
  }
  const data: NotFoundError = error.response.data;
  const detail: string = data.detail;
  assert.equal(detail, "Item 9 not found");
  assertResponseCame(error, 404, "application/json", '{"detail":"Item 9 not found"}');
});

// documented error status without a body (archive_item: 409)

check("documented error without a body: archiveItem 409 throws kind status, data undefined", async (api) => {
  assert.equal(await api.archiveItem({ item_id: 1 }), undefined);
  const error = await rejects("archiveItem", () => api.archiveItem({ item_id: 2 }));
  assert.equal(error.kind, "status");
  if (error.response?.status !== 409) {
    assert.fail(`expected a 409 response, got ${error.message}`);
  }
  const data: undefined = error.response.data;
  assert.equal(data, undefined);
  assert.equal(error.status, 409);
  assert.equal(error.body, "");
  assert.equal(error.headers?.get("content-length"), "0");
});

// a status the spec does not document

check("undocumented status: getItem 418 throws kind status, data unknown (the parsed JSON)", async (api) => {
  const error = await rejects("getItem", () => api.getItem({ item_id: 418 }));
  assert.equal(error.kind, "status");
  assert.ok(error.response);
  assert.equal(error.response.status, 418);
  const data: unknown = error.response.data;
  assert.deepEqual(data, { detail: "I'm a teapot" });
  assertResponseCame(error, 418, "application/json", '{"detail":"I\'m a teapot"}');
});

check("undocumented status: getItem 502 (HTML) throws kind status with the text as data and body", async (api) => {
  const error = await rejects("getItem", () => api.getItem({ item_id: 502 }));
  assert.equal(error.kind, "status");
  assert.equal(error.response?.status, 502);
  const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
  assert.equal(error.response?.data, html);
  assertResponseCame(error, 502, "text/html", html);
});

// a body that is not what the status documents

check("body not as documented: getBrokenItem html throws kind body, no response, the HTML in body", async (api) => {
  const error = await rejects("getBrokenItem", () => api.getBrokenItem({ kind: "html" }));
  assert.equal(error.kind, "body");
  assert.equal(error.response, undefined);
  assertResponseCame(error, 200, "text/html", "<html><body>maintenance</body></html>");
  assert.match(error.message, /^getBrokenItem: 200 OK: expected JSON \(object\), got text\/html/);
});

check("body not as documented: getBrokenItem empty throws kind body", async (api) => {
  const error = await rejects("getBrokenItem", () => api.getBrokenItem({ kind: "empty" }));
  assert.equal(error.kind, "body");
  assert.equal(error.response, undefined);
  assertResponseCame(error, 200, "application/json", "");
  assert.match(error.message, /expected JSON \(object\), got an empty body/);
});

check("body not as documented: getBrokenItem text throws kind body", async (api) => {
  const error = await rejects("getBrokenItem", () => api.getBrokenItem({ kind: "text" }));
  assert.equal(error.kind, "body");
  assertResponseCame(error, 200, "text/plain", "anvil");
  assert.match(error.message, /got text\/plain; charset=utf-8: "anvil"/);
});

check("body not as documented: getBrokenItem invalid resolves (only the kind is checked, not fields)", async (api) => {
  // The client checks that the body is a JSON object, as Item is, not its fields: this is the
  // row where TypeScript does less than Python and Rust, as the README says.
  const item: Item = await api.getBrokenItem({ kind: "invalid" });
  assert.deepEqual(item as unknown, { id: "one", label: 5 });
});

// `default` (run_default_only: default alone; get_with_default: 200 and default)

check("default only: runDefaultOnly 200 resolves to the default body (Message)", async (api) => {
  const message: Message = await api.runDefaultOnly({ status: 200 });
  assert.deepEqual(message, { message: "answered 200" });
  const response = await api.runDefaultOnlyWithResponse({ status: 203 });
  assert.deepEqual([response.status, response.data], [203, { message: "answered 203" }]);
});

check("default only: runDefaultOnly 500 throws ApiError with data: Message", async (api) => {
  const error = await rejects("runDefaultOnly", () => api.runDefaultOnly({ status: 500 }));
  assert.equal(error.kind, "status");
  assert.ok(error.response);
  const data: Message = error.response.data;
  assert.deepEqual([error.response.status, data.message], [500, "answered 500"]);
});

check("default only: runDefaultOnly html throws kind body", async (api) => {
  const error = await rejects("runDefaultOnly", () => api.runDefaultOnly({ status: 200, html: true }));
  assert.equal(error.kind, "body");
  assert.equal(error.response, undefined);
  assertResponseCame(error, 200, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
});

check("200 and default: getWithDefault 200 resolves to the Item", async (api) => {
  const item: Item = await api.getWithDefault({ status: 200 });
  assert.deepEqual(item, { id: 1, name: "anvil" });
});

check("200 and default: getWithDefault 503 throws ApiError with data: Problem", async (api) => {
  const error = await rejects("getWithDefault", () => api.getWithDefault({ status: 503 }));
  assert.equal(error.kind, "status");
  if (error.response?.status !== 503) {
    assert.fail(`expected a 503 response, got ${error.message}`);
  }
  const problem: Problem = error.response.data;
  assert.deepEqual([error.response.status, problem.title, problem.status], [503, "It failed", 503]);
});

check("200 and default: getWithDefault 201 is undocumented (kind status, data unknown)", async (api) => {
  const error = await rejects("getWithDefault", () => api.getWithDefault({ status: 201 }));
  assert.equal(error.kind, "status");
  assert.equal(error.response?.status, 201);
  assert.deepEqual(error.response?.data, { id: 1, name: "anvil" });
});

// a documented text error body

check("text error body: getItemLabel 404 throws with data: string", async (api) => {
  assert.equal(await api.getItemLabel({ item_id: 1 }), "anvil");
  const error = await rejects("getItemLabel", () => api.getItemLabel({ item_id: 9 }));
  if (error.response?.status !== 404) {
    assert.fail(`expected a 404 response, got ${error.message}`);
  }
  const text: string = error.response.data;
  assert.equal(text, "no item 9");
});

// network failure or timeout

check("network: slow with AbortSignal.timeout throws kind network with the cause", async (api) => {
  const error = await rejects("slow", () => api.slow({ seconds: 5 }, { signal: AbortSignal.timeout(200) }));
  assert.equal(error.kind, "network");
  assert.deepEqual([error.response, error.status, error.body], [undefined, undefined, undefined]);
  assert.ok(error.cause instanceof Error);
  assert.equal(error.cause.name, "TimeoutError");
});

check("network: a closed port throws kind network with the request", async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const error = await rejects("getItem", () => new API(url).getItem({ item_id: 1 }));
  assert.equal(error.kind, "network");
  assert.equal(error.response, undefined);
  assert.equal(error.request.url, `${url}/items/1`);
  assert.ok(error.cause !== undefined);
});

await runChecks(checks, async () => new API(baseUrl));
