// analyze_send_results: asks the model to explain a group's delivery and what to do about failures.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export const name = 'analyze_send_results';

export function registerAnalyzeSendResultsPrompt(server: McpServer): void {
  server.registerPrompt(name, {
    title: 'Analyze send results',
    description: 'Explain the delivery of a message group and what to do about failed recipients.',
    argsSchema: { group_id: z.string().describe('The group_id to analyze') },
  }, ({ group_id }) => ({
    messages: [{
      role: 'user',
      content: {
        type: 'text',
        text: [
          `Call get_message_status with group_id ${group_id}.`,
          'Summarise: how many were delivered (성공), failed (실패) and are still pending (전송중), and the group state.',
          'Group the failures by reason and say what each reason usually means (a wrong or cancelled number, the recipient refused messages, a carrier problem).',
          'If recipients are still pending, say when to check again. Do not re-send anything without the user asking: a re-send is paid and reaches phones again.',
        ].join('\n'),
      },
    }],
  }));
}
