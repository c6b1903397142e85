// What the request log line needs from inside the app (which account made the request, the id of
// an error it hit) travels in an AsyncLocalStorage store that the request-log middleware opens
// around each request. The app's bundle carries its own copy of this module, so the store lives
// under a global symbol that both copies share.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("du-luan.request-context");

/** @typedef {{ accountId?: number, errorId?: string }} RequestContext */

/** @type {AsyncLocalStorage<RequestContext>} */
export const requestContext = (globalThis[KEY] ??= new AsyncLocalStorage());

/** The signed-in account of the current request, for its log line (a no-op outside a request). */
export function noteRequestAccount(/** @type {number} */ accountId) {
  const store = requestContext.getStore();
  if (store) store.accountId = accountId;
}

/** The error id of the current request, for its log line. */
export function noteRequestError(/** @type {string} */ errorId) {
  const store = requestContext.getStore();
  if (store) store.errorId = errorId;
}
