// compose_sms: asks the model to write an SMS that fits the byte limit and the advertising law.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export const name = 'compose_sms';

export function registerComposeSmsPrompt(server: McpServer): void {
  server.registerPrompt(name, {
    title: 'Compose an SMS',
    description: 'Write a Korean SMS for a purpose, within 90 EUC-KR bytes if possible, checked with preview_message before sending.',
    argsSchema: {
      purpose: z.string().describe('What the message is for, e.g. "verification code 123456" or "order shipped"'),
      audience: z.string().optional().describe('Who receives it'),
      advertisement: z.string().optional().describe('"yes" if it promotes something'),
    },
  }, ({ purpose, audience, advertisement }) => ({
    messages: [{
      role: 'user',
      content: {
        type: 'text',
        text: [
          `Write a Korean SMS for: ${purpose}.${audience ? ` Audience: ${audience}.` : ''}`,
          'Keep it within 90 EUC-KR bytes (Hangul 2 bytes, ASCII 1) so it goes as SMS, not the dearer LMS. No emoji: carriers cannot send them.',
          advertisement === 'yes'
            ? 'It is an advertisement: begin with exactly (광고), name the sender and a contact, end with a free opt-out such as 무료수신거부 080-XXX-XXXX, and it must not go out 21:00–08:00 KST.'
            : 'If it promotes anything, it is an advertisement and must follow 정보통신망법 제50조 ((광고) prefix, sender and contact, free 080 opt-out, no night sending).',
          'Then call preview_message with the text and show the user its type, bytes, cost and warnings. Send only when the user confirms.',
        ].join('\n'),
      },
    }],
  }));
}
