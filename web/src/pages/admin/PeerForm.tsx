/**
 * Registering a peer node: its identity id, name, https address, Ed25519
 * public key and the organisations it hosts. Obvious mistakes are caught
 * here; the server checks everything again, and its refusals show under the
 * field they concern or, when they concern the whole peer, above the form.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { addPeer, type Peer, type PeerInput } from '../../api/federation';
import { TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError, fieldErrors } from '../../i18n/errors';

const IDENTITY = /^identity--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PUBLIC_KEY = /^[A-Za-z0-9_-]{43}$/;

type FieldName = keyof PeerInput;
type Errors = Partial<Record<FieldName, string>>;

function lines(text: string): string[] {
  return text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The server's per-field issues on our fields (`orgIds.2` belongs to the organisations box). */
function serverFieldErrors(failure: unknown): Errors {
  const found: Errors = {};
  for (const [path, message] of Object.entries(fieldErrors(failure))) {
    const field = path.split('.')[0];
    if (
      (field === 'nodeId' ||
        field === 'name' ||
        field === 'baseUrl' ||
        field === 'publicKey' ||
        field === 'orgIds') &&
      found[field] === undefined
    ) {
      found[field] = message;
    }
  }
  return found;
}

export function PeerForm({
  onAdded,
  onCancel,
}: {
  onAdded: (peer: Peer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState('');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [orgIds, setOrgIds] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function check(input: PeerInput): Errors {
    const found: Errors = {};
    const required = t('federation.form.errors.required');
    if (!input.nodeId) found.nodeId = required;
    else if (!IDENTITY.test(input.nodeId)) found.nodeId = t('federation.form.errors.nodeId');
    if (!input.name) found.name = required;
    if (!input.baseUrl) found.baseUrl = required;
    else if (!/^https?:\/\//i.test(input.baseUrl))
      found.baseUrl = t('federation.form.errors.baseUrl');
    if (!input.publicKey) found.publicKey = required;
    else if (!PUBLIC_KEY.test(input.publicKey))
      found.publicKey = t('federation.form.errors.publicKey');
    if (input.orgIds.length === 0) found.orgIds = required;
    else if (!input.orgIds.every((id) => IDENTITY.test(id)))
      found.orgIds = t('federation.form.errors.orgIds');
    return found;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const input: PeerInput = {
      nodeId: nodeId.trim(),
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      publicKey: publicKey.trim(),
      orgIds: lines(orgIds),
    };
    const found = check(input);
    setErrors(found);
    setFormError(Object.keys(found).length > 0 ? t('federation.form.invalid') : null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onAdded(await addPeer(input));
    } catch (failure) {
      const fields = serverFieldErrors(failure);
      const code = failure instanceof ApiError ? failure.code : '';
      if (code === 'PEER_URL_REFUSED') fields.baseUrl = t('federation.form.errors.urlRefused');
      // The key passed the schema but is no Ed25519 point: the only issue-less validation failure.
      if (code === 'VALIDATION_FAILED' && Object.keys(fields).length === 0)
        fields.publicKey = t('federation.form.errors.keyInvalid');
      setErrors(fields);
      if (Object.keys(fields).length > 0) setFormError(t('federation.form.invalid'));
      else if (code === 'CONFLICT') setFormError(t('federation.form.errors.conflict'));
      else setFormError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('federation.form.title')}
    >
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      <TextField
        label={t('federation.form.nodeId')}
        hint={t('federation.form.nodeIdHint')}
        value={nodeId}
        onValueChange={setNodeId}
        error={errors.nodeId}
        name="nodeId"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        required
        autoFocus
      />
      <TextField
        label={t('federation.form.name')}
        value={name}
        onValueChange={setName}
        error={errors.name}
        name="name"
        autoComplete="off"
        required
      />
      <TextField
        label={t('federation.form.baseUrl')}
        hint={t('federation.form.baseUrlHint')}
        value={baseUrl}
        onValueChange={setBaseUrl}
        error={errors.baseUrl}
        name="baseUrl"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        required
      />
      <TextField
        label={t('federation.form.publicKey')}
        hint={t('federation.form.publicKeyHint')}
        value={publicKey}
        onValueChange={setPublicKey}
        error={errors.publicKey}
        name="publicKey"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        required
      />
      <TextAreaField
        label={t('federation.form.orgIds')}
        hint={t('federation.form.orgIdsHint')}
        value={orgIds}
        onValueChange={setOrgIds}
        error={errors.orgIds}
        name="orgIds"
        rows={4}
        spellCheck={false}
        dir="ltr"
        required
      />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('federation.form.adding') : t('federation.form.submit')}
        </button>
      </div>
    </form>
  );
}
