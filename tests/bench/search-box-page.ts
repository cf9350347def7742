/**
 * What the search-box figure installs in the explorer's page before its scripts run
 * (page.addInitScript serialises the function, so it imports nothing). Everything is
 * stamped with the page's own clock, so that a key, the request it led to and the
 * list it showed are compared on one clock, never across the CDP round trip:
 * - each `input` event of the search box (what the box held after the key);
 * - each Search request the client sent: when, for which text, when its answer was
 *   read, or when it was aborted (a newer key cancelled it);
 * - each change of the result list, stamped at the animation frame that paints it.
 */
export interface ListState {
  /** The hits' names, in order. */
  readonly names: readonly string[];
  /** The list's rows' texts, hits and notices ("Searching…", "No match …") alike. */
  readonly rows: readonly string[];
}

export interface SearchBoxLog {
  readonly inputs: Array<{ t: number; value: string }>;
  readonly requests: Array<{ text: string; sent: number; answered?: number; aborted?: number }>;
  readonly lists: Array<{ t: number } & ListState>;
}

export function installSearchBoxProbe(): void {
  const log: SearchBoxLog = { inputs: [], requests: [], lists: [] };
  (window as unknown as { __searchBox: SearchBoxLog }).__searchBox = log;

  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'search')
        log.inputs.push({ t: performance.now(), value: target.value });
    },
    true,
  );

  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    let text: string | undefined;
    try {
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
        query?: string;
        variables?: { query?: unknown };
      };
      if (body.query?.includes('query Search(') && typeof body.variables?.query === 'string')
        text = body.variables.query;
    } catch {
      // Not JSON: not a search.
    }
    if (text === undefined) return original(input, init);
    const entry: SearchBoxLog['requests'][number] = { text, sent: performance.now() };
    log.requests.push(entry);
    try {
      const response = await original(input, init);
      // The client reads the body itself; a copy read here says when the whole answer was in.
      void response
        .clone()
        .text()
        .then(
          () => (entry.answered = performance.now()),
          () => (entry.aborted = performance.now()),
        );
      return response;
    } catch (error) {
      entry.aborted = performance.now();
      throw error;
    }
  };

  let last = '';
  const read = (): ListState => {
    const list = document.querySelector('[role="listbox"]');
    if (!list) return { names: [], rows: [] };
    return {
      names: Array.from(list.querySelectorAll('[role="option"] .result-name')).map((node) => node.textContent ?? ''),
      rows: Array.from(list.querySelectorAll('li')).map((node) => node.textContent ?? ''),
    };
  };
  new MutationObserver(() => {
    const state = read();
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    requestAnimationFrame(() => log.lists.push({ t: performance.now(), ...state }));
  }).observe(document, { subtree: true, childList: true, characterData: true });
}
