/**
 * Which files may be attached, decided from their bytes. The type a file is
 * stored and served with is the one sniffed from its content, never the one
 * the uploader declared; the declared type and the name's extension must
 * agree with it, so that nothing is stored under a misleading name. Only
 * passive formats are allowed: no SVG, no HTML, nothing a browser runs.
 */
import { fileTypeFromBuffer } from 'file-type';
import { fail, ok, type Result } from '../../core/result.js';

interface AllowedType {
  mediaType: string;
  /** Lower-case extensions a file of this type may carry. */
  extensions: readonly string[];
  /** Other spellings clients declare for the same type. */
  declaredAliases: readonly string[];
}

const ALLOWED_TYPES: readonly AllowedType[] = [
  { mediaType: 'application/pdf', extensions: ['pdf'], declaredAliases: [] },
  { mediaType: 'image/png', extensions: ['png'], declaredAliases: [] },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], declaredAliases: ['image/jpg'] },
  { mediaType: 'image/webp', extensions: ['webp'], declaredAliases: [] },
  { mediaType: 'image/gif', extensions: ['gif'], declaredAliases: [] },
];

export const ALLOWED_MEDIA_TYPES = ALLOWED_TYPES.map((type) => type.mediaType);

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * What browsers declare when they do not know a file's type (FormData sends
 * it for a File whose type is empty): no claim, so nothing to disagree with.
 */
const UNDECLARED = 'application/octet-stream';

/** `image/PNG; charset=x` -> `image/png`. */
function essenceOf(declaredType: string): string {
  return (declaredType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The media type to store for these bytes, if they are of an allowed type
 * and the declared type and file name agree with what they are. A refusal's
 * detail says why in words for the uploader (it describes their own file).
 */
export async function checkFileType(
  bytes: Uint8Array,
  declaredType: string,
  fileName: string,
): Promise<Result<string, 'type_refused'>> {
  const allowedList = `allowed types: ${ALLOWED_MEDIA_TYPES.join(', ')}`;
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed) return fail('type_refused', `the content is not a recognised type; ${allowedList}`);
  const allowed = ALLOWED_TYPES.find((type) => type.mediaType === sniffed.mime);
  if (!allowed) {
    return fail('type_refused', `the content is ${sniffed.mime}, not accepted; ${allowedList}`);
  }
  const declared = essenceOf(declaredType);
  const agrees = declared === allowed.mediaType || allowed.declaredAliases.includes(declared);
  if (!agrees && declared !== UNDECLARED) {
    return fail(
      'type_refused',
      `the content is ${allowed.mediaType} but was sent as ${declared || 'no type'}`,
    );
  }
  if (!allowed.extensions.includes(extensionOf(fileName))) {
    const endings = allowed.extensions.map((extension) => `.${extension}`).join(' or ');
    return fail(
      'type_refused',
      `the content is ${allowed.mediaType}; its name must end in ${endings}`,
    );
  }
  return ok(allowed.mediaType);
}
