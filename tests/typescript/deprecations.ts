// What a user of the collisions spec's client (tests/typescript/specs/collisions.json) writes: an
// editor strikes through each use of what the spec deprecates, the lines marked `// deprecated`,
// and nothing else (test_typescript.py's test_editors_strike_through_what_the_spec_deprecates).
import API from "./collisions/index.js";
import * as operations from "./collisions/operations.js";
import type * as models from "./collisions/models.js";

const api = new API();
const client = operations.createClient();

export async function calls(): Promise<unknown[]> {
  return [
    await api.setToken2({ id: "a" }), // deprecated
    await api.setToken2WithResponse({ id: "a" }), // deprecated
    await api.delete(), // deprecated
    await api.deleteWithResponse(), // deprecated
    await operations.setToken2(client, { id: "a" }), // deprecated
    await operations.setToken2WithResponse(client, { id: "a" }), // deprecated
    await operations.delete2(client), // deprecated
    await operations.deleteWithResponse(client), // deprecated
    await api.then2({ id: "a" }),
    await operations.setToken3WithResponse(client, { id: "a" }, {}),
  ];
}

export const legacy: models.Legacy = {}; // deprecated
export const kind: models.OldKind = "x"; // deprecated
export const id: models.OldId = "x"; // deprecated
export const response: models.ResponseSchema = { legacy: { id, kind } };
