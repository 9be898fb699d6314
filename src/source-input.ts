/**
 * Turning bytes into a SourceFile: size limit, binary detection, BOM.
 * Pure (no fs); the CLI reads the bytes.
 */
import { Sink, type Diagnostic } from './diagnostics/diagnostic.js';
import { SourceFile } from './source.js';

export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface DecodeResult {
  file?: SourceFile;
  diagnostics: Diagnostic[];
}

export function decodeInput(name: string, data: Uint8Array | string, maxBytes = DEFAULT_MAX_INPUT_BYTES): DecodeResult {
  const sink = new Sink();
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > maxBytes) {
    sink.report('input/too-large', `${name}: ${size} bytes is more than the limit of ${maxBytes} bytes`, {
      hint: 'raise the limit with --max-input-bytes',
    });
    return { diagnostics: sink.list };
  }
  let text: string;
  if (typeof data === 'string') {
    text = data;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      sink.report('input/binary', `${name}: not a text file (invalid UTF-8)`);
      return { diagnostics: sink.list };
    }
  }
  if (text.includes('\u0000')) {
    sink.report('input/binary', `${name}: not a text file (contains NUL bytes)`);
    return { diagnostics: sink.list };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    sink.report('input/empty', `${name}: the file is empty`);
    return { diagnostics: sink.list };
  }
  return { file: new SourceFile(name, text), diagnostics: sink.list };
}
