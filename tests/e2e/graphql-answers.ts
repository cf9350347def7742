import type { Page, Response } from 'playwright-core';
import type { ObservedAnswer } from '../helpers/audit-coverage.ts';
import { returnedEntityIds } from '../helpers/returned-ids.ts';

export interface AnswerLog {
  /** Every /graphql answer the page has received so far, once their bodies are read. */
  settled(): Promise<ObservedAnswer[]>;
}

const isGraphQL = (response: Response) => new URL(response.url()).pathname === '/graphql';

/** `query Search(...)` -> 'Search'; whatever else the browser sent, a short mark of it. */
function operationOf(postData: string | null): string {
  try {
    const { query } = JSON.parse(postData ?? '') as { query?: unknown };
    const name = typeof query === 'string' ? /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] : undefined;
    return name ?? '(anonymous operation)';
  } catch {
    return '(no JSON body)';
  }
}

async function observe(response: Response): Promise<ObservedAnswer> {
  const headers = await response.allHeaders();
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // The page navigated away before the body was read: the record must still exist.
    body = undefined;
  }
  return {
    requestId: headers['x-request-id'],
    operation: operationOf(response.request().postData()),
    entityIds: [...returnedEntityIds(body)],
  };
}

/** Keeps what the browser receives from /graphql, to compare with the audit trail afterwards. */
export function logGraphQLAnswers(page: Page): AnswerLog {
  const answers: Promise<ObservedAnswer>[] = [];
  page.on('response', (response) => {
    if (isGraphQL(response)) answers.push(observe(response));
  });
  return { settled: () => Promise.all(answers) };
}
