// React integration (TSX; the JSX copies are generated from these): forms that call the app's own
// backend routes (/api/otp/*, /api/campaign/*), never the BaaS API, and never hold a key.
import type { IntegrationTemplate } from './integrationTemplate';
import { mirror, snippet, tab } from './snippetBody';

const common = { framework: 'react', language: 'typescriptreact', javascriptCopy: true } as const;

export const reactOtpFormTsx: IntegrationTemplate = {
  ...common,
  id: 'react-otp-form-tsx',
  useCase: 'verification',
  fileName: 'components/PhoneVerificationForm.tsx',
  title: 'React phone verification form (TSX)',
  titleKo: 'React 휴대폰 인증 폼 (TSX)',
  description: 'Asks your backend to text a code (POST /api/otp/send) and checks it (POST /api/otp/verify); shows cooldown, wrong-code, expiry and attempt-limit messages; never calls the BaaS API or holds a key.',
  descriptionKo: '백엔드에 인증번호 발송(POST /api/otp/send)과 확인(POST /api/otp/verify)을 요청하는 폼입니다. 재발송 대기, 틀린 번호, 만료, 시도 초과 안내를 보여 주며 BaaS API를 직접 부르거나 키를 갖지 않습니다.',
  prefix: 'baas-react-otp-form-tsx',
  body: snippet`// BaaS SMS for React: phone verification through YOUR backend (/api/otp/send, /api/otp/verify).
// The browser never calls the SMS API and never holds its key; the server routes do.
import { useRef, useState, type FormEvent } from 'react';

type Answer = { ok?: boolean; code?: string; message?: string; retryAfterSeconds?: number; attemptsLeft?: number };

// Django answers 403 to a POST without its CSRF token: send the csrftoken cookie back when there is one.
function csrfHeader(): Record<string, string> {
  const token = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie)?.[1];
  return token ? { 'X-CSRFToken': decodeURIComponent(token) } : {};
}

async function postJson(url: string, body: unknown): Promise<Answer> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...csrfHeader() }, body: JSON.stringify(body) });
    return ((await response.json().catch(() => ({}))) as Answer) ?? {};
  } catch {
    return { ok: false, code: 'NETWORK_ERROR' };
  }
}

// The server answers { ok: false, code, message }: these codes get a message written for people.
function messageFor(answer: Answer): string {
  switch (answer.code) {
    case 'INVALID_PHONE_NUMBER': return '휴대폰 번호를 확인해 주세요. (예: 010-1234-5678)';
    case 'OTP_COOLDOWN': return \`방금 보냈습니다. \${answer.retryAfterSeconds ?? 60}초 뒤에 다시 요청해 주세요.\`;
    case 'OTP_MISMATCH': return \`인증번호가 맞지 않습니다. (남은 횟수 \${answer.attemptsLeft ?? 0}회)\`;
    case 'OTP_EXPIRED': return '인증번호가 만료되었습니다. 다시 받아 주세요.';
    case 'OTP_TOO_MANY_ATTEMPTS': return '여러 번 틀렸습니다. 인증번호를 다시 받아 주세요.';
    case 'OTP_NOT_FOUND': return '먼저 인증번호를 받아 주세요.';
    case 'OUTCOME_UNKNOWN': return '발송 결과를 확인하지 못했습니다. 문자가 오지 않으면 잠시 뒤 다시 요청해 주세요.';
    case 'NETWORK_ERROR': return '연결이 끊겼습니다. 잠시 후 다시 시도해 주세요.';
    default: return answer.message ?? '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.';
  }
}

export type ${mirror(1)}Props = {
  /** Called once the number is verified. */
  onVerified?: (phone: string) => void;
};

export default function ${tab(1, 'PhoneVerificationForm')}({ onVerified }: ${mirror(1)}Props) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [stage, setStage] = useState<'phone' | 'code' | 'verified'>('phone');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  // A second click can land before React re-renders with busy = true: this ref stops it from sending twice.
  const inFlight = useRef(false);

  async function run(url: string, body: unknown, onOk: () => void): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const answer = await postJson(url, body);
    inFlight.current = false;
    setBusy(false);
    if (answer.ok) onOk();
    else setNotice({ kind: 'alert', text: messageFor(answer) });
  }

  const sendCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('/api/otp/send', { phone }, () => {
      setStage('code');
      setNotice({ kind: 'status', text: '인증번호를 보냈습니다. 문자를 확인해 주세요.' });
    });
  };
  const verifyCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run('/api/otp/verify', { phone, code }, () => {
      setStage('verified');
      setNotice({ kind: 'status', text: '인증되었습니다.' });
      onVerified?.(phone);
    });
  };

  return (
    <div>
      <form onSubmit={sendCode}>
        <label>
          ${tab(2, '휴대폰 번호')}
          <input type="tel" inputMode="numeric" autoComplete="tel" placeholder="010-1234-5678" value={phone}
            onChange={(event) => setPhone(event.target.value)} disabled={busy || stage === 'verified'} required />
        </label>
        <button type="submit" disabled={busy || stage === 'verified'}>{stage === 'phone' ? '인증번호 받기' : '다시 받기'}</button>
      </form>
      {stage === 'code' && (
        <form onSubmit={verifyCode}>
          <label>
            인증번호
            <input inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))} disabled={busy} required />
          </label>
          <button type="submit" disabled={busy || code.length !== 6}>확인</button>
        </form>
      )}
      {notice && <p role={notice.kind}>{notice.text}</p>}
    </div>
  );
}
`,
};

export const reactCampaignFormTsx: IntegrationTemplate = {
  ...common,
  id: 'react-campaign-form-tsx',
  useCase: 'campaign',
  fileName: 'components/CampaignForm.tsx',
  title: 'React campaign admin form with preview (TSX)',
  titleKo: 'React 캠페인 관리자 폼, 미리보기 포함 (TSX)',
  description: 'An admin form: message, optional subject and image, recipients; "Preview" shows bytes, SMS/LMS/MMS, recipients, cost and advertising-law problems (POST /api/campaign/preview); "Send" is enabled only for what was previewed and passed (POST /api/campaign/send).',
  descriptionKo: '관리자용 폼입니다. 메시지·제목·이미지·수신자를 입력하고 "미리보기"로 바이트 수, SMS/LMS/MMS, 수신자 수, 비용, 광고 규정 문제를 확인(POST /api/campaign/preview)한 뒤, 미리 본 내용이 통과했을 때만 "발송"(POST /api/campaign/send)할 수 있습니다.',
  prefix: 'baas-react-campaign-form-tsx',
  body: snippet`// BaaS SMS for React: the campaign admin form. It previews on YOUR backend (/api/campaign/preview) and
// sends only what was previewed (/api/campaign/send); the SMS API and its key stay on the server.
import { useRef, useState, type FormEvent } from 'react';

type Preview = {
  type: 'SMS' | 'LMS' | 'MMS'; bytes: number; recipients: number; duplicatesDropped: number; costKrw: number;
  unsendable: string[]; advertising: { isAdvertisement: boolean; missing: string[] }; problems: string[]; canSend: boolean; previewId: string;
};
type Answer = { ok?: boolean; code?: string; message?: string; preview?: Preview; groupId?: string | number };

const AD_RULES: Record<string, string> = {
  prefix: '맨 앞에 (광고)',
  sender_contact: '보내는 곳의 연락처',
  opt_out: '끝에 무료수신거부 080 번호',
  night_time: '21시~8시에는 야간 수신 동의 필요',
};

function csrfHeader(): Record<string, string> {
  const token = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie)?.[1];
  return token ? { 'X-CSRFToken': decodeURIComponent(token) } : {};
}

async function postJson(url: string, body: unknown): Promise<Answer> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...csrfHeader() }, body: JSON.stringify(body) });
    return ((await response.json().catch(() => ({}))) as Answer) ?? {};
  } catch {
    return { ok: false, code: 'NETWORK_ERROR', message: '연결이 끊겼습니다.' };
  }
}

export default function ${tab(1, 'CampaignForm')}() {
  const [message, setMessage] = useState('');
  const [subject, setSubject] = useState('');
  const [imageUrl, setImageUrl] = useState('');
  const [recipientText, setRecipientText] = useState('');
  const [isAdvertisement, setIsAdvertisement] = useState(false);
  const [nightConsent, setNightConsent] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const inFlight = useRef(false);

  // One "010-1234-5678,member-code" per line.
  const recipients = recipientText.split('\n').map((line) => line.split(',').map((part) => part.trim())).filter(([phone]) => phone)
    .map(([phone, memberCode]) => ({ phone, memberCode: memberCode ?? '' }));
  const campaign = { message, subject, imageUrls: imageUrl ? [imageUrl] : [], recipients, isAdvertisement, nightConsent };
  const edit = <T,>(set: (value: T) => void) => (value: T) => { set(value); setPreview(null); }; // any edit needs a new preview

  async function submit(event: FormEvent<HTMLFormElement>, action: 'preview' | 'send'): Promise<void> {
    event.preventDefault();
    if (inFlight.current) return; // a double click must not send the campaign twice
    inFlight.current = true;
    setBusy(true);
    const answer = await postJson(\`/api/campaign/\${action}\`, action === 'send' ? { ...campaign, previewId: preview?.previewId } : campaign);
    inFlight.current = false;
    setBusy(false);
    if (!answer.ok) setNotice({ kind: 'alert', text: answer.message ?? '처리하지 못했습니다.' });
    else if (action === 'preview') { setPreview(answer.preview ?? null); setNotice(null); }
    else { setPreview(null); setNotice({ kind: 'status', text: \`발송했습니다. (그룹 \${answer.groupId})\` }); }
  }

  return (
    <form onSubmit={(event) => void submit(event, preview?.canSend ? 'send' : 'preview')}>
      <label>메시지<textarea value={message} onChange={(event) => edit(setMessage)(event.target.value)} required /></label>
      <label>제목 (MMS)<input value={subject} onChange={(event) => edit(setSubject)(event.target.value)} /></label>
      <label>이미지 URL (MMS, https)<input type="url" value={imageUrl} onChange={(event) => edit(setImageUrl)(event.target.value)} /></label>
      <label>수신자 (한 줄에 번호,회원코드)<textarea value={recipientText} onChange={(event) => edit(setRecipientText)(event.target.value)} required /></label>
      <label><input type="checkbox" checked={isAdvertisement} onChange={(event) => edit(setIsAdvertisement)(event.target.checked)} /> 광고 메시지</label>
      <label><input type="checkbox" checked={nightConsent} onChange={(event) => edit(setNightConsent)(event.target.checked)} /> 야간 수신 동의를 받은 수신자</label>
      {preview && (
        <dl aria-label="미리보기">
          <dt>유형</dt><dd>{preview.type} · {preview.bytes}바이트</dd>
          <dt>수신자</dt><dd>{preview.recipients}명{preview.duplicatesDropped > 0 && \` (중복 \${preview.duplicatesDropped}명 제외)\`}</dd>
          <dt>예상 비용</dt><dd>{preview.costKrw.toLocaleString('ko-KR')}원</dd>
          {preview.unsendable.length > 0 && <><dt>보낼 수 없는 문자</dt><dd>{preview.unsendable.join(' ')}</dd></>}
          {preview.advertising.missing.length > 0 && <><dt>광고 규정</dt><dd>{preview.advertising.missing.map((rule) => AD_RULES[rule] ?? rule).join(', ')}</dd></>}
          {preview.problems.length > 0 && <><dt>발송 불가</dt><dd>{preview.problems.join(', ')}</dd></>}
        </dl>
      )}
      <button type="submit" disabled={busy}>{preview?.canSend ? \`\${preview.recipients}명에게 발송\` : '미리보기'}</button>
      {notice && <p role={notice.kind}>{notice.text}</p>}
    </form>
  );
}
`,
};
