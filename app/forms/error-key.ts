// Kept apart from ./zod (which loads Zod and configures it): the error list of a form page reads
// these keys without pulling Zod into the page's first load.

/**
 * Form errors travel as i18n keys (with parameters), not sentences: the same schema runs on the
 * client and on the server, and the message is rendered in the reader's language by <FieldErrors>.
 * Encoded as `key::{"param":value}` so it fits Zod's string message.
 */
export function errorKey(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}::${JSON.stringify(params)}` : key;
}

export function decodeErrorKey(message: string): { key: string; params: Record<string, unknown> } {
  const [key = message, json] = message.split("::");
  try {
    return { key, params: json ? (JSON.parse(json) as Record<string, unknown>) : {} };
  } catch {
    return { key, params: {} };
  }
}
