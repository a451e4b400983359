// Vue 3 integration (single-file components, <script setup lang="ts">): the same two forms as React,
// calling the app's own backend routes, never the BaaS API, never holding a key.
import type { IntegrationTemplate } from './integrationTemplate';
import { snippet, tab, verbatim } from './snippetBody';

const common = { framework: 'vue', language: 'vue' } as const;

// Shared by both components: Django's CSRF header when its cookie is there, and a POST that never throws.
const POST_JSON = `// Django answers 403 to a POST without its CSRF token: send the csrftoken cookie back when there is one.
function csrfHeader(): Record<string, string> {
  const token = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie)?.[1];
  return token ? { 'X-CSRFToken': decodeURIComponent(token) } : {};
}

async function postJson(url: string, body: unknown): Promise<Answer> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...csrfHeader() }, body: JSON.stringify(body) });
    return ((await response.json().catch(() => ({}))) as Answer) ?? {};
  } catch {
    return { ok: false, code: 'NETWORK_ERROR', message: '연결이 끊겼습니다. 잠시 후 다시 시도해 주세요.' };
  }
}`;

export const vueOtpForm: IntegrationTemplate = {
  ...common,
  id: 'vue-otp-form',
  useCase: 'verification',
  fileName: 'components/PhoneVerificationForm.vue',
  title: 'Vue 3 phone verification form (SFC, TypeScript)',
  titleKo: 'Vue 3 휴대폰 인증 폼 (SFC, TypeScript)',
  description: 'Asks your backend to text a code (POST /api/otp/send) and checks it (POST /api/otp/verify); shows cooldown, wrong-code, expiry and attempt-limit messages; emits "verified"; never calls the BaaS API or holds a key.',
  descriptionKo: '백엔드에 인증번호 발송(POST /api/otp/send)과 확인(POST /api/otp/verify)을 요청하는 폼입니다. 재발송 대기, 틀린 번호, 만료, 시도 초과 안내를 보여 주고 "verified" 이벤트를 보내며, BaaS API를 직접 부르거나 키를 갖지 않습니다.',
  prefix: 'baas-vue-otp-form',
  body: snippet`<script setup lang="ts">
// BaaS SMS for Vue 3: phone verification through YOUR backend (/api/otp/send, /api/otp/verify).
// The browser never calls the SMS API and never holds its key; the server routes do.
import { ref } from 'vue';

type Answer = { ok?: boolean; code?: string; message?: string; retryAfterSeconds?: number; attemptsLeft?: number };

const emit = defineEmits<{ verified: [phone: string] }>();
const phone = ref('');
const code = ref('');
const stage = ref<'phone' | 'code' | 'verified'>('phone');
const busy = ref(false);
const notice = ref<{ kind: 'status' | 'alert'; text: string } | null>(null);

${verbatim(POST_JSON)}

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
    default: return answer.message ?? '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.';
  }
}

async function run(url: string, body: unknown, onOk: () => void): Promise<void> {
  if (busy.value) return; // a double click must not send twice
  busy.value = true;
  const answer = await postJson(url, body);
  busy.value = false;
  if (answer.ok) onOk();
  else notice.value = { kind: 'alert', text: messageFor(answer) };
}

function sendCode(): void {
  void run('/api/otp/send', { phone: phone.value }, () => {
    stage.value = 'code';
    notice.value = { kind: 'status', text: '인증번호를 보냈습니다. 문자를 확인해 주세요.' };
  });
}

function verifyCode(): void {
  void run('/api/otp/verify', { phone: phone.value, code: code.value }, () => {
    stage.value = 'verified';
    notice.value = { kind: 'status', text: '인증되었습니다.' };
    emit('verified', phone.value);
  });
}
</script>

<template>
  <div>
    <form @submit.prevent="sendCode">
      <label>
        ${tab(1, '휴대폰 번호')}
        <input v-model="phone" type="tel" inputmode="numeric" autocomplete="tel" placeholder="010-1234-5678" :disabled="busy || stage === 'verified'" required />
      </label>
      <button type="submit" :disabled="busy || stage === 'verified'">{{ stage === 'phone' ? '인증번호 받기' : '다시 받기' }}</button>
    </form>
    <form v-if="stage === 'code'" @submit.prevent="verifyCode">
      <label>
        인증번호
        <input v-model.trim="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" :disabled="busy" required />
      </label>
      <button type="submit" :disabled="busy || code.length !== 6">확인</button>
    </form>
    <p v-if="notice" :role="notice.kind">{{ notice.text }}</p>
  </div>
</template>
`,
};

export const vueCampaignForm: IntegrationTemplate = {
  ...common,
  id: 'vue-campaign-form',
  useCase: 'campaign',
  fileName: 'components/CampaignForm.vue',
  title: 'Vue 3 campaign admin form with preview (SFC, TypeScript)',
  titleKo: 'Vue 3 캠페인 관리자 폼, 미리보기 포함 (SFC, TypeScript)',
  description: 'An admin form: message, optional subject and image, recipients; "Preview" shows bytes, SMS/LMS/MMS, recipients, cost and advertising-law problems (POST /api/campaign/preview); "Send" is enabled only for what was previewed and passed (POST /api/campaign/send).',
  descriptionKo: '관리자용 폼입니다. 메시지·제목·이미지·수신자를 입력하고 "미리보기"로 바이트 수, SMS/LMS/MMS, 수신자 수, 비용, 광고 규정 문제를 확인(POST /api/campaign/preview)한 뒤, 미리 본 내용이 통과했을 때만 "발송"(POST /api/campaign/send)할 수 있습니다.',
  prefix: 'baas-vue-campaign-form',
  body: snippet`<script setup lang="ts">
// BaaS SMS for Vue 3: the campaign admin form. It previews on YOUR backend (/api/campaign/preview) and
// sends only what was previewed (/api/campaign/send); the SMS API and its key stay on the server.
import { computed, ref, watch } from 'vue';

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

const message = ref('');
const subject = ref('');
const imageUrl = ref('');
const recipientText = ref('');
const isAdvertisement = ref(false);
const nightConsent = ref(false);
const preview = ref<Preview | null>(null);
const busy = ref(false);
const notice = ref<{ kind: 'status' | 'alert'; text: string } | null>(null);

// One "010-1234-5678,member-code" per line.
const campaign = computed(() => ({
  message: message.value,
  subject: subject.value,
  imageUrls: imageUrl.value ? [imageUrl.value] : [],
  recipients: recipientText.value.split('\n').map((line) => line.split(',').map((part) => part.trim())).filter(([phone]) => phone)
    .map(([phone, memberCode]) => ({ phone, memberCode: memberCode ?? '' })),
  isAdvertisement: isAdvertisement.value,
  nightConsent: nightConsent.value,
}));
// Any edit needs a new preview before it can be sent.
watch(campaign, () => { preview.value = null; });

${verbatim(POST_JSON)}

async function submit(): Promise<void> {
  if (busy.value) return;
  const action = preview.value?.canSend ? 'send' : 'preview';
  busy.value = true;
  const answer = await postJson(\`/api/campaign/\${action}\`, action === 'send' ? { ...campaign.value, previewId: preview.value?.previewId } : campaign.value);
  busy.value = false;
  if (!answer.ok) notice.value = { kind: 'alert', text: answer.message ?? '처리하지 못했습니다.' };
  else if (action === 'preview') { preview.value = answer.preview ?? null; notice.value = null; }
  else { preview.value = null; notice.value = { kind: 'status', text: \`발송했습니다. (그룹 \${answer.groupId})\` }; }
}
</script>

<template>
  <form @submit.prevent="submit">
    <label>${tab(1, '메시지')}<textarea v-model="message" required /></label>
    <label>제목 (MMS)<input v-model="subject" /></label>
    <label>이미지 URL (MMS, https)<input v-model="imageUrl" type="url" /></label>
    <label>수신자 (한 줄에 번호,회원코드)<textarea v-model="recipientText" required /></label>
    <label><input v-model="isAdvertisement" type="checkbox" /> 광고 메시지</label>
    <label><input v-model="nightConsent" type="checkbox" /> 야간 수신 동의를 받은 수신자</label>
    <dl v-if="preview" aria-label="미리보기">
      <dt>유형</dt><dd>{{ preview.type }} · {{ preview.bytes }}바이트</dd>
      <dt>수신자</dt><dd>{{ preview.recipients }}명<template v-if="preview.duplicatesDropped > 0"> (중복 {{ preview.duplicatesDropped }}명 제외)</template></dd>
      <dt>예상 비용</dt><dd>{{ preview.costKrw.toLocaleString('ko-KR') }}원</dd>
      <template v-if="preview.unsendable.length > 0"><dt>보낼 수 없는 문자</dt><dd>{{ preview.unsendable.join(' ') }}</dd></template>
      <template v-if="preview.advertising.missing.length > 0"><dt>광고 규정</dt><dd>{{ preview.advertising.missing.map((rule) => AD_RULES[rule] ?? rule).join(', ') }}</dd></template>
      <template v-if="preview.problems.length > 0"><dt>발송 불가</dt><dd>{{ preview.problems.join(', ') }}</dd></template>
    </dl>
    <button type="submit" :disabled="busy">{{ preview?.canSend ? \`\${preview.recipients}명에게 발송\` : '미리보기' }}</button>
    <p v-if="notice" :role="notice.kind">{{ notice.text }}</p>
  </form>
</template>
`,
};
