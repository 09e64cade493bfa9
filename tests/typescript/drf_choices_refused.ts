// What the client sends accepts only the listed enum values: each marked line must be a tsc
// error (tests/python/test_drf_choices_typescript.py checks that tsc reports exactly these lines).
// The client is generated from tests/fixtures/handwritten/drf-choices.json into ./choices.

import API from "./choices/index.js";
import type { ProfileRequest, Search } from "./choices/index.js";

export const search: Search = { status: "archived" }; // refused: status
export const profile: ProfileRequest = { status: "open", priority: 9 }; // refused: priority
export const themed: ProfileRequest = { status: "open", priority: 1, theme: "sepia" }; // refused: theme

export async function send(api: API): Promise<void> {
  await api.searchesCreate({ status: "frozen" }); // refused: body
}
