// compose_mms: asks the model to write an MMS with a subject and images within the carriers' limits.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export const name = 'compose_mms';

export function registerComposeMmsPrompt(server: McpServer): void {
  server.registerPrompt(name, {
    title: 'Compose an MMS',
    description: 'Write a Korean MMS (subject, text, images) within the limits, checked with preview_message before sending.',
    argsSchema: {
      purpose: z.string().describe('What the message is for'),
      image_urls: z.string().optional().describe('Image URLs, comma-separated (at most 5)'),
    },
  }, ({ purpose, image_urls }) => ({
    messages: [{
      role: 'user',
      content: {
        type: 'text',
        text: [
          `Write a Korean MMS for: ${purpose}.`,
          'The subject must fit 40 EUC-KR bytes (20 Hangul) and the text 2000 bytes. No emoji.',
          image_urls ? `Attach these images (public https JPG URLs, at most 5): ${image_urls}.` : 'Ask for image URLs if the message needs pictures (public https JPG, at most 5, about 200 KB each).',
          'Advertisements must begin with (광고), name the sender and contact, end with a free 080 opt-out and not go out 21:00–08:00 KST.',
          'Call preview_message with kind "mms" and show the user its bytes, cost and warnings; call send_mms only when the user confirms.',
        ].join('\n'),
      },
    }],
  }));
}
