import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

const MAX_USERNAME_CHARS = 64;

/** Root field names of an operation, through top-level fragments, without duplicates. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode | undefined, depth = 0): string[] {
  if (depth > 8) return [];
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      names.push(...rootFields(selection.selectionSet, document, depth + 1));
    else {
      const fragment = document?.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        names.push(...rootFields(fragment.selectionSet, document, depth + 1));
    }
  }
  return [...new Set(names)];
}

/**
 * How the audit trail names an operation. The client picks the operation name,
 * so the root fields it really called are always recorded beside it:
 * "SearchPeople" for a named operation, "query{search,entity}" for an anonymous one.
 */
export function describeOperation(request: {
  readonly operation?: OperationDefinitionNode | undefined;
  readonly operationName?: string | null | undefined;
  readonly document?: DocumentNode | undefined;
}): { operation: string; kind?: string; fields?: string[] } {
  const { operation, document } = request;
  if (!operation) return { operation: request.operationName ?? '(not parsed)' };
  const fields = rootFields(operation.selectionSet, document);
  const name = operation.name?.value ?? `${operation.operation}{${fields.join(',')}}`;
  return { operation: name, kind: operation.operation, fields };
}

/**
 * The username a `login` asks for, so that sign-in attempts (which have no
 * signed-in user yet) are attributable in the trail. Never the password.
 */
export function loginUsername(request: {
  readonly operation?: OperationDefinitionNode | undefined;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
}): string | undefined {
  for (const selection of request.operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== 'login') continue;
    const argument = selection.arguments?.find((a) => a.name.value === 'username');
    let value: unknown;
    if (argument?.value.kind === Kind.STRING) value = argument.value.value;
    else if (argument?.value.kind === Kind.VARIABLE) value = request.variables?.[argument.value.name.value];
    if (typeof value === 'string') return value.trim().toLowerCase().slice(0, MAX_USERNAME_CHARS);
  }
  return undefined;
}
