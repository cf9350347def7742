import { ApiError, toErrorCode } from './errors.ts';
import type { Operation } from './operations.ts';

interface Credentials {
  readonly token?: string;
  readonly purpose?: string;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: ReadonlyArray<{ message?: unknown; extensions?: { code?: unknown } }>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The one GraphQL client: adds the bearer token and the purpose of access to every request. */
class GraphQLClient {
  private credentials: Credentials = {};

  constructor(private readonly endpoint: string) {}

  setCredentials(credentials: Credentials): void {
    this.credentials = credentials;
  }

  async request<TData, TVariables>(
    operation: Operation<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.credentials.token) headers['Authorization'] = `Bearer ${this.credentials.token}`;
    if (this.credentials.purpose) headers['X-Purpose'] = this.credentials.purpose;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: operation.document, variables }),
        signal: signal ?? null,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
    }
    const body = await readBody(response);
    const first = body?.errors?.[0];
    if (first) {
      throw new ApiError(toErrorCode(first.extensions?.code), typeof first.message === 'string' ? first.message : '');
    }
    if (!response.ok || !body || !isObject(body.data)) {
      throw new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK', `HTTP ${response.status}`);
    }
    return body.data as TData;
  }
}

async function readBody(response: Response): Promise<GraphQLResponse | undefined> {
  try {
    const parsed: unknown = await response.json();
    return isObject(parsed) ? (parsed as GraphQLResponse) : undefined;
  } catch {
    return undefined;
  }
}

export const api = new GraphQLClient('/graphql');
