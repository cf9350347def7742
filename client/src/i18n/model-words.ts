/** The model's labels and relationship types in the current language; a name the model does not know is shown as sent. */
import { messages } from './current.ts';

export const labelName = (label: string): string =>
  (messages().labels as Readonly<Record<string, string>>)[label] ?? label;

export const typeName = (type: string): string => (messages().types as Readonly<Record<string, string>>)[type] ?? type;

/** A label or a relationship type, whichever `name` is (property filters apply to both). */
export const modelWord = (name: string): string =>
  (messages().labels as Readonly<Record<string, string>>)[name] ?? typeName(name);
