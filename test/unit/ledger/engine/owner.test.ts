// Whose pid can be trusted (src/ledger/engine/owner.ts): only a process in our pid namespace of this
// boot. A real process in another pid namespace (unshare: a container sharing the volume and the host
// name) is 'unseen', not 'gone', though its pid is free here or another process's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { currentOwner, ownerState, type ProcessOwner } from '../../../../src/ledger/engine/owner';

describe('ledger owner: whose pid can be judged', () => {
  const deadPid = (): number => spawnSync('true').pid;

  it('this process is alive; a dead pid of our pid namespace is gone; with another node or none, unseen', () => {
    const me = currentOwner();
    assert.ok(me.node, 'Linux gives a boot id and a pid namespace');
    assert.equal(ownerState(me), 'alive');
    assert.equal(ownerState({ ...me, pid: deadPid() }), 'gone');
    assert.equal(ownerState({ ...me, start: 'another-start' }), 'gone', 'our pid, another start: a reused pid');
    assert.equal(ownerState({ ...me, pid: deadPid(), node: `${String(me.node)}-other` }), 'unseen');
    assert.equal(ownerState({ ...me, pid: deadPid(), node: undefined }), 'unseen', 'a record written before node was kept');
    assert.equal(ownerState({ ...me, host: 'another-host' }), 'unseen');
  });

  it('a process in another pid namespace, as it describes itself, is unseen here: never judged by its pid', function () {
    if (spawnSync('unshare', ['-pf', '--mount-proc', 'true']).status !== 0) return this.skip(); // needs root and util-linux
    const script = `process.stdout.write(JSON.stringify(require(${JSON.stringify(path.resolve(__dirname, '../../../../src/ledger/engine/owner.ts'))}).currentOwner()))`;
    const run = spawnSync('unshare', ['-pf', '--mount-proc', process.execPath, '--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const other = JSON.parse(run.stdout) as ProcessOwner;
    assert.equal(other.host, currentOwner().host);
    assert.notEqual(other.node, currentOwner().node);
    assert.equal(ownerState(other), 'unseen');
  });
});
