// Child process of browserForms.test.ts: renders the compiled browser templates in happy-dom with their
// framework's own test tooling (React: react-dom/client + act; Vue: @vue/test-utils), plays a user
// through each form against a STUB backend (a scripted fetch, recording every request) and prints what
// happened as JSON. Usage: node browserForms.mjs <frameworks dir> <jobs.json>
/* global document, window, Response -- happy-dom registers the browser globals; Response is Node's own */
// A selector may end in @N to pick the Nth match (the campaign form has two textareas).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [frameworks, jobsFile] = process.argv.slice(2);
const require = createRequire(join(frameworks, 'package.json'));
const { GlobalRegistrator } = require('@happy-dom/global-registrator');
GlobalRegistrator.register({ url: 'http://app.test/' });
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
document.cookie = 'csrftoken=cookie-token-123';

let requests = [];
let answers = [];
// The stub backend: answers in order, records method, URL, headers and body of every request.
globalThis.fetch = async (url, init = {}) => {
  requests.push({ url: String(url), method: init.method ?? 'GET', headers: { ...(init.headers ?? {}) }, body: init.body ? JSON.parse(init.body) : null });
  const answer = answers.shift() ?? { status: 500, body: {} };
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
};

const text = () => document.body.textContent.replace(/\s+/g, ' ').trim();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

// ---- React -------------------------------------------------------------------------------------
async function reactDriver(modulePath) {
  const React = require('react');
  const { createRoot } = require('react-dom/client');
  const { act } = React;
  const { default: Component } = await import(pathToFileURL(modulePath).href);
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const events = [];
  const root = createRoot(container);
  await act(async () => root.render(React.createElement(Component, { onVerified: (phone) => events.push(['verified', phone]) })));
  const setValue = async (target, value) => {
    const [selector, index = '0'] = target.split('@');
    const input = container.querySelectorAll(selector)[Number(index)];
    const proto = input.tagName === 'TEXTAREA' ? window.HTMLTextAreaElement.prototype : window.HTMLInputElement.prototype;
    await act(async () => {
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, value);
      input.dispatchEvent(new window.Event('input', { bubbles: true }));
    });
  };
  const submit = async (index = 0, times = 1) => {
    await act(async () => {
      for (let i = 0; i < times; i++) container.querySelectorAll('form')[index].dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(settle);
  };
  return { setValue, submit, events, text, stop: () => act(async () => root.unmount()) };
}

// ---- Vue ---------------------------------------------------------------------------------------
async function vueDriver(modulePath) {
  const { mount, flushPromises } = require('@vue/test-utils');
  const { default: Component } = await import(pathToFileURL(modulePath).href);
  const wrapper = mount(Component, { attachTo: document.body });
  const events = [];
  return {
    setValue: async (target, value) => {
      const [selector, index = '0'] = target.split('@');
      await wrapper.findAll(selector)[Number(index)].setValue(value);
    },
    submit: async (index = 0, times = 1) => {
      for (let i = 0; i < times; i++) void wrapper.findAll('form')[index].trigger('submit');
      await flushPromises();
      await settle();
      for (const [phone] of wrapper.emitted('verified') ?? []) if (!events.some((e) => e[1] === phone)) events.push(['verified', phone]);
    },
    events,
    text: () => wrapper.text().replace(/\s+/g, ' ').trim(),
    stop: async () => wrapper.unmount(),
  };
}

// ---- The two forms, played the same way whatever the framework --------------------------------
async function playOtp(ui) {
  const steps = [];
  const step = (name) => steps.push({ name, text: ui.text(), requests: requests.length });
  await ui.setValue('input[type=tel]', '010-1234-5678');
  answers = [{ status: 200, body: { ok: true, expiresInSeconds: 300 } }];
  await ui.submit(0, 2); // a double submit must send once
  step('sent');
  await ui.setValue('input[autocomplete=one-time-code]', '000000');
  answers = [{ status: 400, body: { ok: false, code: 'OTP_MISMATCH', message: 'wrong', attemptsLeft: 2 } }];
  await ui.submit(1);
  step('mismatch');
  await ui.setValue('input[autocomplete=one-time-code]', '123456');
  answers = [{ status: 200, body: { ok: true, verified: true } }];
  await ui.submit(1);
  step('verified');
  return steps;
}

const preview = {
  type: 'SMS', bytes: 75, subjectBytes: 0, recipients: 2, duplicatesDropped: 1, costKrw: 19.8, unsendable: [],
  advertising: { isAdvertisement: true, missing: [] }, problems: [], canSend: true, previewId: 'p-123',
};

async function playCampaign(ui) {
  const steps = [];
  const step = (name) => steps.push({ name, text: ui.text(), requests: requests.length });
  await ui.setValue('textarea', '(광고) 봄 세일 문의 02-1234-5678 무료수신거부 080-123-4567');
  await ui.setValue('textarea@1', '010-1234-5678,m1\n010-2222-3333,m2\n01012345678,m1');
  answers = [{ status: 200, body: { ok: true, preview } }];
  await ui.submit(0);
  step('previewed');
  answers = [{ status: 200, body: { ok: true, groupId: 10001, preview } }];
  await ui.submit(0, 2); // a double click must send the campaign once
  step('sent');
  answers = [{ status: 200, body: { ok: true, preview: { ...preview, canSend: false, problems: ['ADVERTISING_RULES'], advertising: { isAdvertisement: true, missing: ['opt_out'] } } } }];
  await ui.setValue('textarea', '(광고) 세일');
  await ui.submit(0);
  step('refused');
  return steps;
}

const results = {};
for (const job of JSON.parse(readFileSync(jobsFile, 'utf8'))) {
  requests = [];
  const ui = job.framework === 'vue' ? await vueDriver(job.module) : await reactDriver(job.module);
  try {
    const steps = job.form === 'otp' ? await playOtp(ui) : await playCampaign(ui);
    results[job.id] = { steps, requests, events: ui.events };
  } catch (error) {
    results[job.id] = { error: String(error?.stack ?? error) };
  } finally {
    await ui.stop();
  }
}
process.stdout.write(JSON.stringify(results));
await GlobalRegistrator.unregister();
