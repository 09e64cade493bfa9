// drf-spectacular's choice fields read through the TypeScript client, through a fake `fetch`: a
// response carrying enum values the spec does not list keeps them, typed as the listed members or
// a plain string/number; a `switch` on the listed members still compiles; blank and null choices
// read as `""` and `null`; what the client sends is checked against the listed values by tsc
// (drf_choices_refused.ts must fail to compile). The client is generated from
// tests/fixtures/handwritten/drf-choices.json into ./choices.
//
// tests/python/test_drf_choices_typescript.py compiles it with `tsc --strict` and runs
// `node drf_choices.js`; it prints one line per check and a summary, and exits 1 when any failed.

import assert from "node:assert/strict";
import { runChecks, type Check } from "./checks.js";

import API from "./choices/index.js";
import type { PriorityEnum, Profile, ProfileTheme, Search, StatusEnum } from "./choices/index.js";

/** A client whose `fetch` answers every request with `body` as JSON and records what it sent. */
function fake(body: unknown, status = 200): [API, (string | null)[]] {
  const sent: (string | null)[] = [];
  const api = new API("https://example.test/", {
    fetch: async (_input, init) => {
      sent.push(typeof init?.body === "string" ? init.body : null);
      const text = status === 204 ? null : JSON.stringify(body);
      return new Response(text, { status, headers: { "Content-Type": "application/json" } });
    },
  });
  return [api, sent];
}

/**
 * A switch on the listed members compiles; the default branch holds the values the spec does not
 * list. A case does not narrow `status` to the member: `(string & {})` could hold the same text, so
 * the value there is still `"open" | (string & {})`, which is a `string`.
 */
function describe(status: StatusEnum | (string & {})): string {
  switch (status) {
    case "open":
    case "closed": {
      const known: string = status;
      return `listed ${known}`;
    }
    default:
      return `unknown ${status}`;
  }
}

function weight(priority: PriorityEnum | (number & {})): number {
  switch (priority) {
    case 1:
    case 2:
    case 3:
      return priority;
    default:
      return -priority;
  }
}

function theme(value: ProfileTheme | (string & {}) | null | undefined): string {
  if (value === null || value === undefined) return "none";
  if (value === "") return "blank";
  if (value === "light" || value === "dark") return value;
  return `unknown ${value}`;
}

// The types say what a response may hold: any string (number) fits an enum field the client reads,
// and what a method returns. These lines do not compile against closed enums.
const unlistedStatus: Profile["status"] = String("archived");
const unlistedPriority: Profile["priority"] = Number("9");
const unlistedTheme: Profile["theme"] = String("sepia");
const unlistedReturn: Awaited<ReturnType<API["profilesStatus"]>> = String("gone");

const checks: Check<void>[] = [
  [
    "an enum field the client reads is typed to hold unlisted values",
    async () => {
      assert.deepEqual(
        [unlistedStatus, unlistedPriority, unlistedTheme, unlistedReturn],
        ["archived", 9, "sepia", "gone"],
      );
    },
  ],
  [
    "a response with unlisted enum values is read and keeps them",
    async () => {
      const body = { id: 7, status: "archived", priority: 9, theme: "sepia", labels: ["open", "frozen"] };
      const [api] = fake(body);
      const profile: Profile = await api.profilesRetrieve({ id: 7 });
      assert.deepEqual(profile, body);
      const status: string = profile.status;
      const priority: number = profile.priority;
      assert.equal(status, "archived");
      assert.equal(priority, 9);
      assert.equal(describe(profile.status), "unknown archived");
      assert.equal(weight(profile.priority), -9);
      assert.equal(theme(profile.theme), "unknown sepia");
      assert.deepEqual(profile.labels?.map(describe), ["listed open", "unknown frozen"]);
    },
  ],
  [
    "listed values narrow to their members",
    async () => {
      const [api] = fake({ id: 7, status: "closed", priority: 3, theme: "dark" });
      const profile = await api.profilesRetrieve({ id: 7 });
      assert.equal(describe(profile.status), "listed closed");
      assert.equal(weight(profile.priority), 3);
      assert.equal(theme(profile.theme), "dark");
    },
  ],
  [
    "blank and null choices read as \"\" and null",
    async () => {
      const [api] = fake({ id: 7, status: "open", priority: 1, theme: "" });
      assert.equal(theme((await api.profilesRetrieve({ id: 7 })).theme), "blank");
      const [nullApi] = fake({ id: 7, status: "open", priority: 1, theme: null });
      assert.equal(theme((await nullApi.profilesRetrieve({ id: 7 })).theme), "none");
    },
  ],
  [
    "an enum returned on its own keeps an unlisted value",
    async () => {
      const [api] = fake("gone");
      const status: StatusEnum | (string & {}) = await api.profilesStatus({ id: 7 });
      assert.equal(describe(status), "unknown gone");
    },
  ],
  [
    "what the client sends takes the listed values, blank and null",
    async () => {
      const [api, sent] = fake(null, 204);
      const search: Search = { status: "closed", priority: 2 };
      await api.searchesCreate(search);
      assert.deepEqual(JSON.parse(sent[0] ?? ""), search);
      const [putApi, put] = fake({ id: 7, status: "open", priority: 1, theme: "" });
      for (const value of ["light", "", null] as const) {
        await putApi.profilesUpdate({ id: 7 }, { status: "open", priority: 1, theme: value });
      }
      assert.deepEqual(
        put.map((text) => JSON.parse(text ?? "").theme),
        ["light", "", null],
      );
    },
  ],
];

await runChecks(checks, async () => undefined);
