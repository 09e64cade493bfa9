// Calls the reference app through its zone clients (tests/fixtures/zones/reference.toml): the
// cfg_support zone's class imported from its folder, the others through the top index.ts.
//
// tests/python/test_zones.py generates the zones into ./api beside a copy of this file, compiles
// both with tsc (tsconfig.nodenext.json) and runs `node zones_e2e.js <server url>`; the script
// prints one line per check and a summary, and exits 1 when any check failed.

import assert from "node:assert/strict";
import { runChecks, type Check } from "./checks.js";

import SupportAPI from "./api/cfg/cfg_support/index.js";
import { AdminAPI, PublicAPI } from "./api/index.js";
import type { CfgSupport } from "./api/index.js";

const serverUrl = process.argv[2];
if (serverUrl === undefined) {
  console.error("usage: node zones_e2e.js SERVER_URL");
  process.exit(2);
}
const baseUrl: string = serverUrl;

const checks: Check<void>[] = [
  [
    "the admin zone resets the server and the support zone sees it empty",
    async () => {
      assert.equal(await new AdminAPI(baseUrl).reset(), undefined);
      assert.equal((await new SupportAPI(baseUrl).listUsers()).total, 0);
    },
  ],
  [
    "the support zone creates and lists users and tickets",
    async () => {
      await new AdminAPI(baseUrl).reset();
      const support = new SupportAPI(baseUrl);
      const user = await support.createUser({ name: "Ada", email: "ada@example.com" });
      assert.equal(user.name, "Ada");
      const ticket: CfgSupport.Ticket = await support.createTicket({ title: "Bug" });
      assert.equal(ticket.title, "Bug");
      assert.equal((await support.listTickets()).length, 1);
    },
  ],
  [
    "the public zone trades a password for a token and calls with it",
    async () => {
      const api = new PublicAPI(baseUrl);
      assert.equal(await api.isHealthy(), true);
      const token = await api.token({ username: "alice", password: "wonderland" });
      api.setToken(token.access_token);
      assert.deepEqual(await api.getMe(), { username: "alice", scheme: "bearer" });
    },
  ],
];

await runChecks(checks, async () => undefined);
