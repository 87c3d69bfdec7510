/**
 * The one error catalogue. Every error the API can return has a stable code,
 * an HTTP status and a message that is safe to show anyone. Handlers throw
 * `AppError`; the one error handler (app/http/error-handler.ts) turns it into
 * `{ error: { code, message, requestId } }` and anything else into a plain 500.
 * Never put record contents or secrets in a message.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  AUTHENTICATION_REQUIRED: { status: 401, message: 'Sign in to continue.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The username or password is wrong.' },
  MFA_REQUIRED: { status: 401, message: 'Enter the code from your authenticator app.' },
  INVALID_MFA_CODE: { status: 401, message: 'The code is wrong or has expired.' },
  TOKEN_INVALID: {
    status: 401,
    message: 'The API token is not valid, has expired or was revoked.',
  },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  TOKEN_SCOPE_INSUFFICIENT: {
    status: 403,
    message: 'The API token does not carry the scope this needs.',
  },
  ORIGIN_REJECTED: { status: 403, message: 'The request came from another site.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'That conflicts with an existing record.' },
  USERNAME_TAKEN: { status: 409, message: 'That username is already in use.' },
  BOOTSTRAP_CLOSED: { status: 409, message: 'This node already has an administrator.' },
  MFA_ALREADY_ENABLED: { status: 409, message: 'Two-factor authentication is already on.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: 'The file is larger than this node accepts.' },
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    message:
      'Only PDF, PNG, JPEG, WebP and GIF files can be attached, and their type and name must match their content.',
  },
  // Protection: sites, movements, alarms, alerts.
  MOVEMENT_TRANSITION_REFUSED: {
    status: 409,
    message: 'The movement cannot make that change in its current state.',
  },
  SELF_APPROVAL_REFUSED: {
    status: 403,
    message: 'A movement must be approved by someone other than the person who requested it.',
  },
  APPROVER_ROLE_REQUIRED: {
    status: 403,
    message: 'Only a duty officer may approve a movement at this risk level.',
  },
  SECOND_APPROVER_REQUIRED: {
    status: 409,
    message:
      'You have already approved this movement; a critical movement needs a second, different approver.',
  },
  CHECKIN_REFUSED: {
    status: 409,
    message: 'The movement is not under way, so it takes no check-ins.',
  },
  ALREADY_ACKNOWLEDGED: { status: 409, message: 'This has already been acknowledged.' },
  WEBHOOK_URL_REFUSED: {
    status: 400,
    message: 'A webhook address must be https (plain http only to this machine).',
  },
  // Federation: peers and signed requests between nodes.
  PEER_SIGNATURE_INVALID: {
    status: 401,
    message: 'The request is not signed by a known peer, or its signature does not verify.',
  },
  PEER_REQUEST_REPLAYED: {
    status: 401,
    message: "The request was already received, or its time is too far from this node's clock.",
  },
  PEER_ORGANISATION_NOT_HOSTED: {
    status: 403,
    message: 'The peer sent a record on behalf of an organisation it does not host.',
  },
  ENVELOPE_MALFORMED: { status: 400, message: 'The STIX envelope or bundle is not valid.' },
  NOT_ACCEPTABLE: { status: 406, message: 'The requested media type is not supported.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request body media type is not supported.' },
  PEER_URL_REFUSED: {
    status: 400,
    message: 'A peer address must be https (plain http only to this machine).',
  },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many attempts. Wait a while and try again.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Slow down.' },
  INTERNAL: { status: 500, message: 'Something went wrong. The error has been logged.' },
  NOT_READY: { status: 503, message: 'The node is not ready.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorIssue {
  path: string;
  message: string;
  /** The limits a client needs to say the same in the user's language (e.g. `maximum`). */
  params?: Readonly<Record<string, string | number | string[]>>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: readonly ErrorIssue[] | undefined;
  /** Seconds the client should wait (429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    options: { issues?: readonly ErrorIssue[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(ERRORS[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
