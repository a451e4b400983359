// React integration (JSX and TSX): a form that asks the app's own backend to send the SMS; the key and
// the BaaS API stay on the server (see the Express and Django templates).
import type { IntegrationTemplate } from './integrationTemplate';
import { mirror, snippet, tab } from './snippetBody';

export const reactSmsFormJsx: IntegrationTemplate = {
  id: 'react-sms-form-jsx',
  framework: 'react',
  language: 'javascriptreact',
  title: 'React phone verification form (JSX)',
  titleKo: 'React 휴대폰 인증 폼 (JSX)',
  description: 'A phone-verification form that calls the app\'s own backend route (POST /api/sms/verification), never the BaaS API and never with a key in the browser; shows sending, sent and error states and cannot send twice at once.',
  descriptionKo: '앱 자체 백엔드 라우트(POST /api/sms/verification)를 호출하는 휴대폰 인증 폼입니다. 브라우저에서 BaaS API를 직접 부르거나 키를 쓰지 않으며, 보내는 중/보냄/오류 상태를 보여 주고 중복 발송을 막습니다.',
  prefix: 'baas-react-sms-form-jsx',
  body: snippet`// BaaS SMS for React: a phone-verification form that asks YOUR backend (POST /api/sms/verification)
// to text a code. The browser never calls the SMS API and never holds its key; the server route does.
// (Django backend? Send the csrftoken cookie back as an X-CSRFToken header.)
import { useRef, useState } from 'react';

const VERIFICATION_ROUTE = '/api/sms/verification';

/** @typedef {{ kind: 'idle' | 'sending' | 'sent' } | { kind: 'error', message: string }} SendState */

/**
 * The server answers { ok: false, code, message }; these codes get a message written for people.
 * @param {string | undefined} code
 * @param {string | undefined} serverMessage
 * @returns {string}
 */
function messageFor(code, serverMessage) {
  switch (code) {
    case 'INVALID_PHONE_NUMBER':
      return '휴대폰 번호를 확인해 주세요. (예: 010-1234-5678)';
    case 'RATE_LIMIT_EXCEEDED':
      return '요청이 많습니다. 잠시 후 다시 시도해 주세요.';
    case 'OUTCOME_UNKNOWN':
      return '발송 결과를 확인하지 못했습니다. 문자가 오지 않으면 1분 뒤 다시 시도해 주세요.';
    default:
      return serverMessage ?? '문자를 보내지 못했습니다. 잠시 후 다시 시도해 주세요.';
  }
}

/**
 * @param {object} props
 * @param {string} [props.memberCode] Your user's id in the BaaS project, if the server does not take it from the session.
 * @param {(phone: string) => void} [props.onSent] Called once the code has been sent.
 */
export default function ${tab(1, 'PhoneVerificationForm')}({ memberCode, onSent }) {
  const [phone, setPhone] = useState('');
  const [state, setState] = useState(/** @type {SendState} */ ({ kind: 'idle' }));
  // Blocks a second send from a double click that lands before the disabled button is rendered.
  const inFlight = useRef(false);

  /** @param {import('react').FormEvent<HTMLFormElement>} event */
  async function handleSubmit(event) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: 'sending' });
    try {
      const response = await fetch(VERIFICATION_ROUTE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone, memberCode }),
      });
      /** @type {{ ok?: boolean, code?: string, message?: string }} */
      const result = await response.json().catch(() => ({}));
      if (response.ok && result.ok) {
        setState({ kind: 'sent' });
        onSent?.(phone);
      } else {
        setState({ kind: 'error', message: messageFor(result.code, result.message) });
      }
    } catch {
      // The request may have reached the server: say so rather than inviting an instant resend.
      setState({ kind: 'error', message: '연결이 끊겼습니다. 문자가 오지 않으면 잠시 후 다시 시도해 주세요.' });
    } finally {
      inFlight.current = false;
    }
  }

  const sending = state.kind === 'sending';
  return (
    <form onSubmit={(event) => void handleSubmit(event)}>
      <label>
        ${tab(2, '휴대폰 번호')}
        <input
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          placeholder="010-1234-5678"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          disabled={sending}
          required
        />
      </label>
      <button type="submit" disabled={sending}>
        {sending ? '보내는 중…' : state.kind === 'sent' ? '다시 보내기' : '${tab(3, '인증번호 받기')}'}
      </button>
      {state.kind === 'sent' && <p role="status">인증번호를 보냈습니다. 문자를 확인해 주세요.</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
    </form>
  );
}
`,
};

export const reactSmsFormTsx: IntegrationTemplate = {
  id: 'react-sms-form-tsx',
  framework: 'react',
  language: 'typescriptreact',
  title: 'React phone verification form (TSX)',
  titleKo: 'React 휴대폰 인증 폼 (TSX)',
  description: 'A phone-verification form that calls the app\'s own backend route (POST /api/sms/verification), never the BaaS API and never with a key in the browser; shows sending, sent and error states and cannot send twice at once.',
  descriptionKo: '앱 자체 백엔드 라우트(POST /api/sms/verification)를 호출하는 휴대폰 인증 폼입니다. 브라우저에서 BaaS API를 직접 부르거나 키를 쓰지 않으며, 보내는 중/보냄/오류 상태를 보여 주고 중복 발송을 막습니다.',
  prefix: 'baas-react-sms-form-tsx',
  body: snippet`// BaaS SMS for React: a phone-verification form that asks YOUR backend (POST /api/sms/verification)
// to text a code. The browser never calls the SMS API and never holds its key; the server route does.
// (Django backend? Send the csrftoken cookie back as an X-CSRFToken header.)
import { useRef, useState, type FormEvent } from 'react';

const VERIFICATION_ROUTE = '/api/sms/verification';

type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'error'; message: string };

export type ${tab(1, 'PhoneVerificationForm')}Props = {
  /** Your user's id in the BaaS project, if the server does not take it from the session. */
  memberCode?: string;
  /** Called once the code has been sent. */
  onSent?: (phone: string) => void;
};

// The server answers { ok: false, code, message }; these codes get a message written for people.
function messageFor(code: string | undefined, serverMessage: string | undefined): string {
  switch (code) {
    case 'INVALID_PHONE_NUMBER':
      return '휴대폰 번호를 확인해 주세요. (예: 010-1234-5678)';
    case 'RATE_LIMIT_EXCEEDED':
      return '요청이 많습니다. 잠시 후 다시 시도해 주세요.';
    case 'OUTCOME_UNKNOWN':
      return '발송 결과를 확인하지 못했습니다. 문자가 오지 않으면 1분 뒤 다시 시도해 주세요.';
    default:
      return serverMessage ?? '문자를 보내지 못했습니다. 잠시 후 다시 시도해 주세요.';
  }
}

export default function ${mirror(1)}({ memberCode, onSent }: ${mirror(1)}Props) {
  const [phone, setPhone] = useState('');
  const [state, setState] = useState<SendState>({ kind: 'idle' });
  // Blocks a second send from a double click that lands before the disabled button is rendered.
  const inFlight = useRef(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: 'sending' });
    try {
      const response = await fetch(VERIFICATION_ROUTE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone, memberCode }),
      });
      const result = (await response.json().catch(() => ({}))) as { ok?: boolean; code?: string; message?: string };
      if (response.ok && result.ok) {
        setState({ kind: 'sent' });
        onSent?.(phone);
      } else {
        setState({ kind: 'error', message: messageFor(result.code, result.message) });
      }
    } catch {
      // The request may have reached the server: say so rather than inviting an instant resend.
      setState({ kind: 'error', message: '연결이 끊겼습니다. 문자가 오지 않으면 잠시 후 다시 시도해 주세요.' });
    } finally {
      inFlight.current = false;
    }
  }

  const sending = state.kind === 'sending';
  return (
    <form onSubmit={(event) => void handleSubmit(event)}>
      <label>
        ${tab(2, '휴대폰 번호')}
        <input
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          placeholder="010-1234-5678"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          disabled={sending}
          required
        />
      </label>
      <button type="submit" disabled={sending}>
        {sending ? '보내는 중…' : state.kind === 'sent' ? '다시 보내기' : '${tab(3, '인증번호 받기')}'}
      </button>
      {state.kind === 'sent' && <p role="status">인증번호를 보냈습니다. 문자를 확인해 주세요.</p>}
      {state.kind === 'error' && <p role="alert">{state.message}</p>}
    </form>
  );
}
`,
};
