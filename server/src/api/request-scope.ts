import { AsyncLocalStorage } from 'node:async_hooks';

/** The request id, reachable from code that gets no context (formatError, logs deep down). */
export const requestScope = new AsyncLocalStorage<{ readonly requestId: string }>();

export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;
