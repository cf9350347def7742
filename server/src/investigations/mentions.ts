/** `@username` in a note's text: the usernames it names, each once, in order. */
const MENTION = /(?:^|[^\w@.])@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])/g;

export function mentionsIn(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => (m[1] ?? '').toLowerCase()))].filter(Boolean);
}
