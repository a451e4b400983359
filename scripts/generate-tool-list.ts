// Writes src/mcp/toolList.json, the tools/list answer the server gives without converting its zod
// schemas at run time (see src/mcp/toolList.ts). Run after changing a tool's name, description,
// schema or annotations: npm run tool-list
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolListFileText } from './toolListLive';

void toolListFileText().then((text) => {
  writeFileSync(join(__dirname, '..', 'src', 'mcp', 'toolList.json'), text);
  console.log('wrote src/mcp/toolList.json');
});
