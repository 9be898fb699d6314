/** JSON Schema of the IR, generated from the zod schemas (what `bgpc schema` prints). */
import { z } from 'zod';
import { IR_VERSION, IrDocument } from './schema.js';

export function irJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes what a document may contain: fields with defaults are optional.
  const schema = z.toJSONSchema(IrDocument, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://bgpc.dev/schema/ir-v${IR_VERSION}.json`,
    title: `bgpc BGP intent IR, version ${IR_VERSION}`,
  };
}
