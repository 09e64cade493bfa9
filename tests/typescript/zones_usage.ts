// Type-checked by tests/python/test_zones.py under Bundler resolution: the imports the README's
// Zones section shows, a zone by its folder and every zone from the top.

import SupportAPI from "./api/cfg/cfg_support";
import { AdminAPI, CfgSupportAPI, Public, PublicAPI } from "./api";

export async function usage(baseUrl: string): Promise<Public.Identity> {
  const support: CfgSupportAPI = new SupportAPI(baseUrl);
  await support.listTickets();
  await new AdminAPI(baseUrl).reset();
  const api = new Public.API(baseUrl);
  api.setToken("alice-token");
  return api.getMe();
}

/** The README's shared credentials: one store, given to two zones, serves both. */
export function sharedCredentials(baseUrl: string): boolean {
  const credentials = new Public.Credentials();
  const admin = new AdminAPI(baseUrl, { credentials });
  const site = new PublicAPI(baseUrl, { credentials });
  site.setToken("access-token", "refresh-token");
  return admin.isAuthenticated();
}
