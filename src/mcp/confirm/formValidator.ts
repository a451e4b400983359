// Checks an elicitation answer against the form it asked for. The SDK's default is Ajv, which the
// bundles leave out (esbuild.mjs): compiling it cost the stdio server's cold start more than all the
// tools together. Elicitation forms are flat by the spec (string, number, integer, boolean, enum
// properties, a `required` list), so this small check covers every form the server can send.
import type { JsonSchemaType, JsonSchemaValidator, jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';

interface Property { type?: string; enum?: unknown[]; minimum?: number; maximum?: number; minLength?: number; maxLength?: number }

export const formValidator: jsonSchemaValidator = {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    const properties = ((schema as { properties?: Record<string, Property> }).properties ?? {});
    const required = ((schema as { required?: string[] }).required ?? []);
    return (input: unknown) => {
      const problem = check(input, properties, required);
      return problem === undefined ? { valid: true, data: input as T, errorMessage: undefined } : { valid: false, data: undefined, errorMessage: problem };
    };
  },
};

function check(input: unknown, properties: Record<string, Property>, required: string[]): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'the answer must be an object';
  const answer = input as Record<string, unknown>;
  for (const name of required) if (!(name in answer)) return `${name} is required`;
  for (const [name, value] of Object.entries(answer)) {
    const property = properties[name];
    if (!property) return `${name} was not asked for`;
    const problem = checkValue(value, property);
    if (problem) return `${name} ${problem}`;
  }
  return undefined;
}

function checkValue(value: unknown, p: Property): string | undefined {
  if (p.enum && !p.enum.includes(value)) return `must be one of ${p.enum.map(String).join(', ')}`;
  switch (p.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string':
      if (typeof value !== 'string') return 'must be text';
      if (p.minLength !== undefined && value.length < p.minLength) return `must be at least ${p.minLength} characters`;
      if (p.maxLength !== undefined && value.length > p.maxLength) return `must be at most ${p.maxLength} characters`;
      return undefined;
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value) || (p.type === 'integer' && !Number.isInteger(value))) return `must be ${p.type === 'integer' ? 'a whole number' : 'a number'}`;
      if (p.minimum !== undefined && value < p.minimum) return `must be at least ${p.minimum}`;
      if (p.maximum !== undefined && value > p.maximum) return `must be at most ${p.maximum}`;
      return undefined;
    default:
      return undefined;
  }
}
