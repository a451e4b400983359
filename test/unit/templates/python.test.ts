// Every Python template, rendered with its defaults, is valid Python to Debian's interpreter (the one the
// frameworks run in): `py_compile` accepts it, and rejects a deliberately broken copy, so the check is real.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { INTEGRATION_TEMPLATES } from '../../../src/templates';
import { createTempProject, replaceOnce, type TempProject } from './renderedTemplates';
import { ensureDebianPythonFrameworks } from './run/debianPython';

const run = promisify(execFile);
const pythonTemplates = INTEGRATION_TEMPLATES.filter((t) => t.language === 'python');

describe('templates: Python compiles', function () {
  this.timeout(600_000);
  let project: TempProject;
  let python: string;
  before(() => {
    python = ensureDebianPythonFrameworks();
    project = createTempProject();
  });
  after(() => project.remove());

  it('has the core, Django and FastAPI templates', () => {
    assert.deepEqual([...new Set(pythonTemplates.map((t) => t.framework))].sort(), ['django', 'fastapi', 'shared']);
  });

  for (const template of pythonTemplates) {
    it(`${template.id} passes py_compile`, async () => {
      const file = project.write(template);
      await run(python, ['-m', 'py_compile', file]);
    });

    it(`${template.id}: py_compile rejects a broken copy`, async () => {
      const file = project.write(template, (code) => replaceOnce(code, 'def ', 'def ('), 'broken.py');
      await assert.rejects(run(python, ['-m', 'py_compile', file]), /SyntaxError/);
    });
  }
});
