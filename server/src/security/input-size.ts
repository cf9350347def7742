import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { withHttpStatus } from '../http-status.ts';
import { UserInputError } from '../errors.ts';

export interface InputSizeLimits {
  readonly maxStringChars: number;
  readonly maxListItems: number;
  /** Longest operation, fragment, alias or variable name. */
  readonly maxNameChars: number;
}

/** Arguments that may carry long text, as `Type.field.argument`. */
const LONG_TEXT = new Set(['Mutation.importCypher.script']);

const tooLong = (limits: InputSizeLimits) =>
  `Inputs are limited to ${limits.maxStringChars} characters per string and ${limits.maxListItems} items per list.`;

/** Refuses string and list literals and names above the limits (huge strings or id lists typed into the document). */
export function inputSizeRule(limits: InputSizeLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const argumentKey = (): string => {
      const parent = context.getParentType();
      return `${parent?.name ?? ''}.${context.getFieldDef()?.name ?? ''}.${context.getArgument()?.name ?? ''}`;
    };
    return {
      StringValue(node) {
        if (node.value.length > limits.maxStringChars && !LONG_TEXT.has(argumentKey())) {
          context.reportError(new GraphQLError(tooLong(limits), { nodes: [node] }));
        }
      },
      Name(node) {
        if (node.value.length > limits.maxNameChars) {
          context.reportError(
            new GraphQLError(`Names are limited to ${limits.maxNameChars} characters.`, { nodes: [node] }),
          );
        }
      },
      ListValue(node) {
        if (node.values.length > limits.maxListItems)
          context.reportError(new GraphQLError(tooLong(limits), { nodes: [node] }));
      },
    };
  };
}

/** Names of the variables the document passes to long-text arguments (`importCypher(script: $s)`). */
function longTextVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      for (const argument of selection.arguments ?? []) {
        const key = `Mutation.${selection.name.value}.${argument.name.value}`;
        if (argument.value.kind === Kind.VARIABLE && LONG_TEXT.has(key)) names.add(argument.value.name.value);
      }
    }
  }
  return names;
}

function exceeds(value: unknown, limits: InputSizeLimits, depth = 0): boolean {
  if (typeof value === 'string') return value.length > limits.maxStringChars;
  if (depth > 10) return true;
  if (Array.isArray(value))
    return value.length > limits.maxListItems || value.some((v) => exceeds(v, limits, depth + 1));
  if (value !== null && typeof value === 'object')
    return Object.values(value).some((v) => exceeds(v, limits, depth + 1));
  return false;
}

/** The same limits for variables, which validation rules do not see. Refused with HTTP 400. */
export function inputSizePlugin(limits: InputSizeLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          const allowed = Object.keys(variables).length > 0 ? longTextVariables(document) : new Set<string>();
          for (const [name, value] of Object.entries(variables)) {
            if (!allowed.has(name) && exceeds(value, limits)) {
              throw withHttpStatus(new UserInputError(`Variable $${name} is too large. ${tooLong(limits)}`));
            }
          }
        },
      };
    },
  };
}
