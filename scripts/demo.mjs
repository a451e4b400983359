// `npm run demo`: a real MCP client session over stdio with the built `baas-sms-mcp --sandbox`:
// list the tools, preview and send an SMS and an MMS, poll their status to a final state, print the
// history. No account, no network, no cost. Exits 0 only if both messages end up delivered (성공).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'baas-sms-demo-'));
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [path.resolve('dist/server.js'), '--sandbox'],
  env: { ...process.env, BAAS_LEDGER_FILE: path.join(dir, 'ledger.jsonl'), BAAS_CALLBACK_NUMBER: '02-1234-5678', BAAS_LANG: process.env.BAAS_LANG ?? 'ko' },
  stderr: 'inherit',
});
const client = new Client({ name: 'baas-sms-demo', version: '1.0.0' });
const say = (line) => console.log(line);
const call = async (name, args) => {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${result.content[0].text}`);
  return result.structuredContent;
};

async function pollUntilFinal(groupId) {
  for (let wait = 250; ; wait = Math.min(wait * 2, 2000)) {
    const status = await call('get_message_status', { group_id: groupId });
    say(`  group ${groupId}: ${status.status} (delivered ${status.success_count}, failed ${status.failed_count}, pending ${status.pending_count})`);
    if (status.pending_count === 0) return status;
    await new Promise((r) => setTimeout(r, wait));
  }
}

let ok = false;
try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  say(`Connected to ${client.getServerVersion().name} ${client.getServerVersion().version}; tools: ${tools.map((t) => t.name).join(', ')}`);

  const recipients = [{ phone_number: '01012345678', member_code: 'demo-user' }];
  const preview = await call('preview_message', { recipients, message: '[BaaS] 인증번호는 123456 입니다.' });
  say(`Preview: ${preview.message_type}, ${preview.message_bytes} bytes, ~${preview.estimated_cost_krw} KRW, sandbox=${preview.sandbox}, to ${preview.recipients[0].phone_number}`);

  const sms = await call('send_sms', { recipients, message: '[BaaS] 인증번호는 123456 입니다.' });
  say(`SMS sent: group ${sms.group_id} (${sms.message_type}, ${sms.message_bytes} bytes, sandbox=${sms.sandbox})`);
  const mms = await call('send_mms', {
    recipients: [{ phone_number: '+82 10-9876-5432', member_code: 'demo-user-2' }],
    subject: '주문 확인',
    message: '주문하신 상품이 발송되었습니다. 감사합니다.',
    image_urls: ['https://example.com/product.jpg'],
  });
  say(`MMS sent: group ${mms.group_id} (${mms.message_type}, subject ${mms.subject_bytes} bytes)`);

  say('Polling delivery status:');
  const [smsStatus, mmsStatus] = [await pollUntilFinal(sms.group_id), await pollUntilFinal(mms.group_id)];

  const history = await call('get_send_history', { limit: 10 });
  say(`History (${history.count}, newest first):`);
  for (const s of history.sends) say(`  ${s.created_at}  ${s.message_type}  group ${s.group_id}  ${s.outcome}  ${s.status ?? ''}  to ${s.recipient_count}`);
  ok = smsStatus.status === '성공' && mmsStatus.status === '성공';
  say(ok ? 'Demo finished: SMS and MMS delivered (성공) in the sandbox.' : 'Demo finished, but not everything was delivered.');
} catch (error) {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await client.close().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
