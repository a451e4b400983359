// The Django template, rendered with its defaults, is valid Python: `python3 -m py_compile` accepts it
// (and rejects a deliberately broken copy, so the check is real).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { INTEGRATION_TEMPLATES } from '../../../src/templates';
import { createTempProject, replaceOnce, type TempProject } from './renderedTemplates';

const run = promisify(execFile);
const pythonTemplates = INTEGRATION_TEMPLATES.filter((t) => t.language === 'python');

describe('templates: Python compiles', function () {
  this.timeout(30_000);
  let project: TempProject;
  before(() => {
    project = createTempProject();
  });
  after(() => project.remove());

  it('has at least the Django template', () => {
    assert.deepEqual(pythonTemplates.map((t) => t.framework), ['django']);
  });

  for (const template of pythonTemplates) {
    it(`${template.id} passes python3 -m py_compile`, async () => {
      const file = project.write(template);
      await run('python3', ['-m', 'py_compile', file]);
    });

    it(`${template.id}: py_compile rejects a broken copy`, async () => {
      const file = project.write(template, (code) => replaceOnce(code, 'def send_sms(', 'def send_sms(('), 'broken.py');
      await assert.rejects(run('python3', ['-m', 'py_compile', file]), /SyntaxError/);
    });
  }
});
