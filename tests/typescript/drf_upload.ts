// Uploads a file to a ticket of the Django REST Framework reference app through the generated
// TypeScript client (multipart/form-data, a `File` where the client's model types `file` as a Blob).
//
// Kept apart from drf_walk.ts because only the COMPONENT_SPLIT_REQUEST document types the file as
// binary: tests/python/test_drf_walk_typescript.py compiles it per document and runs
// `node drf_upload.js <server url>`.

import assert from "node:assert/strict";

import API from "./helpdesk/index.js";

const serverUrl = process.argv[2];
if (serverUrl === undefined) {
  console.error("usage: node drf_upload.js SERVER_URL");
  process.exit(2);
}
const baseUrl: string = serverUrl;

const reset = await fetch(`${baseUrl}/api/test/reset/`, { method: "POST", signal: AbortSignal.timeout(10_000) });
assert.equal(reset.status, 204);
const api = new API(baseUrl);
const pair = await api.authTokenCreate({ username: "alice", password: "wonderland-42" });
api.setToken(pair.access, pair.refresh);
const ticket = await api.ticketsCreate({ title: "Screenshot attached" });
const content = new TextEncoder().encode("hello helpdesk\n");
const file = new File([content], "screen.txt", { type: "text/plain" });
const attachment = await api.ticketsAttachmentsCreate({ id: ticket.id }, { file });
assert.deepEqual(
  [attachment.id, attachment.ticket, attachment.name, attachment.size],
  [1, ticket.id, "screen.txt", content.length],
);
assert.equal("file" in attachment, false);
console.log("\n1 passed, 0 failed, 1 checks");
