// Checks what the generated client puts on the wire, through a fake `fetch`: path encoding, query
// styles (deepObject, explode: false), JSON bodies, and how error bodies are decoded. The client
// is generated from tests/fixtures/handwritten/features.json into ./features.
//
// tests/python/test_typescript.py compiles it with e2e.ts and runs `node serialization.js`; it
// prints one line per check and a summary, and exits 1 when any check failed.

import assert from "node:assert/strict";
import { runChecks, type Check } from "./checks.js";

import API, { ApiError, isApiError } from "./features/index.js";
import type { Pet, Tree } from "./features/index.js";

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A client whose `fetch` records each request and answers with `status` and `body`. */
function fake(status: number, body: string, contentType = "application/json"): [API, Sent[]] {
  const sent: Sent[] = [];
  const api = new API("https://example.test/base/", {
    fetch: async (input, init) => {
      sent.push({
        url: String(input),
        method: init?.method ?? "GET",
        headers: new Headers(init?.headers),
        body: typeof init?.body === "string" ? init.body : null,
      });
      return new Response(body, { status, headers: { "Content-Type": contentType } });
    },
  });
  return [api, sent];
}

const cat = { name: "Tom", pet_type: "cat", lives: 9 };
const checks: Check<void>[] = [
  [
    "path parameters are URL-encoded and query styles are applied",
    async () => {
      const [api, sent] = fake(200, JSON.stringify(cat));
      const pet: Pet = await api.getPet({
        "pet-id": "a/b c?",
        class: "x&y",
        filter: { color: "red", size: "L" },
        ids: [1, 2, 3],
      });
      assert.equal(
        sent[0]?.url,
        "https://example.test/base/pets/a%2Fb%20c%3F?class=x%26y&filter[color]=red&filter[size]=L&ids=1,2,3",
      );
      // The discriminated union narrows on its tag.
      assert.ok(pet.pet_type === "cat" && pet.lives === 9);
    },
  ],
  [
    "unset optional parameters are left out",
    async () => {
      const [api, sent] = fake(200, JSON.stringify(cat));
      await api.getPet({ "pet-id": "1" });
      assert.equal(sent[0]?.url, "https://example.test/base/pets/1");
    },
  ],
  [
    "a JSON body is sent with its media type; an absent optional body is not sent",
    async () => {
      const tree: Tree = { value: 1, children: [{ "+1": 2, "@type": "tree" }], parent: null };
      const [api, sent] = fake(200, JSON.stringify(tree));
      assert.deepEqual(await api.postTrees(tree), tree);
      assert.equal(sent[0]?.method, "POST");
      assert.equal(sent[0]?.headers.get("content-type"), "application/json");
      assert.deepEqual(JSON.parse(sent[0]?.body ?? ""), tree);
      await api.postTrees();
      assert.equal(sent[1]?.body, null);
      assert.equal(sent[1]?.headers.get("content-type"), null);
    },
  ],
  [
    "an error body documented as `default` is typed and parsed",
    async () => {
      const [api] = fake(500, JSON.stringify({ message: "boom", code: 7 }), "application/problem+json");
      try {
        await api.getPet({ "pet-id": "1" });
        assert.fail("getPet did not throw");
      } catch (error) {
        assert.ok(isApiError(error, "getPet") && error.response);
        // 500 is one of the statuses `default` covers (an unlisted 2xx would be undocumented).
        assert.equal(error.response.status, 500);
        assert.equal(error.response.data.message, "boom");
      }
    },
  ],
  [
    "a text error body is kept as text",
    async () => {
      const [api] = fake(502, "Bad gateway", "text/plain");
      try {
        await api.postTrees({});
        assert.fail("postTrees did not throw");
      } catch (error) {
        assert.ok(error instanceof ApiError && error.response);
        assert.equal(error.response.data, "Bad gateway");
        assert.equal(error.message, "postTrees: 502");
      }
    },
  ],
];

await runChecks(checks, async () => undefined);
