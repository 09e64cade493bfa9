// Compile-only: `tsc --strict` proves how the contract app's client narrows responses by status.
// Nothing here runs; each `@ts-expect-error` is an error tsc must report, or the test fails.
// tests/python/test_contract_typescript.py checks it beside the generated ./contract folder.

import API, { isApiError } from "./contract/index.js";
import type { HTTPValidationError, ImportJob, Item, Message, NotFoundError, Problem, ValidationError } from "./contract/index.js";

export function getItemErrors(error: unknown): void {
  if (!isApiError(error, "getItem") || error.response === undefined) {
    return;
  }
  const { response } = error;
  if (response.status === 404) {
    const data: NotFoundError = response.data;
    const detail: string = data.detail;
    void detail;
  } else if (response.status === 422) {
    const data: HTTPValidationError = response.data;
    const errors: ValidationError[] | undefined = data.detail;
    void errors;
  } else {
    // Every other status (418, 500, …) is undocumented: its data is unknown.
    const data: unknown = response.data;
    // @ts-expect-error an undocumented status's data is unknown: no `.detail` without a check
    void data.detail;
    // @ts-expect-error nor is it a NotFoundError
    const notFound: NotFoundError = response.data;
    void notFound;
  }
  if (response.status === 418) {
    // @ts-expect-error 418 is undocumented: `unknown`, not NotFoundError
    void response.data.detail;
  }
  // A status that is never an error of getItem: 200 is its success.
  // @ts-expect-error `status` is never 200 in an ApiError of getItem
  const never: 200 = response.status;
  void never;
  // Comparisons compile on every member.
  if (response.status >= 500) {
    void response.data;
  }
}

export function defaultErrors(error: unknown): void {
  if (isApiError(error, "runDefaultOnly") && error.response) {
    // `default` alone: every status outside 2xx throws with its body.
    const data: Message = error.response.data;
    void data;
  }
  if (isApiError(error, "getWithDefault") && error.response) {
    if (error.response.status === 201) {
      // An unlisted 2xx beside a listed 200 is undocumented.
      const data: unknown = error.response.data;
      // @ts-expect-error not a Problem
      const problem: Problem = data;
      void problem;
    } else if (error.response.status === 404) {
      const problem: Problem = error.response.data;
      void problem;
    }
  }
}

export async function withResponse(api: API): Promise<void> {
  const imported = await api.importItemWithResponse({ queue: true }, { name: "crate" });
  if (imported.status === 201) {
    const item: Item = imported.data;
    void item;
    // @ts-expect-error a 201 holds an Item, not an ImportJob
    void imported.data.job_id;
  } else {
    const status: 202 = imported.status;
    const job: ImportJob = imported.data;
    void [status, job];
  }
  const deleted = await api.deleteItemWithResponse({ item_id: 1 });
  const nothing: undefined = deleted.data;
  const status: 204 = deleted.status;
  void [nothing, status];
  const item = await api.getItemWithResponse({ item_id: 1 });
  // @ts-expect-error getItem documents 200 alone
  if (item.status === 201) {
    void item;
  }
  const any2xx = await api.runDefaultOnlyWithResponse();
  const message: Message = any2xx.data;
  void message;
  // @ts-expect-error a success of runDefaultOnly is a 2xx
  const redirect: 304 = any2xx.status;
  void redirect;
}
