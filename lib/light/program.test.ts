import { describe, expect, it } from 'vitest';
import {
  COMPLETION_STATUS_KHR,
  FENCE_GIVE_UP_MS,
  FENCE_POLL_MS,
  gpuDone,
  linkError,
  programDone,
  type ProgramContext,
} from './program';

const LINK_STATUS = 0x8b82;
const SIGNALED = 0x9119;
const UNSIGNALED = 0x9118;

function fakeGl({
  linked = true,
  lost = false,
  logs = ['', '', ''],
  signalAfter = 0,
  fence = true,
}: { linked?: boolean; lost?: boolean; logs?: (string | null)[]; signalAfter?: number; fence?: boolean } = {}) {
  const calls: string[] = [];
  let looks = 0;
  const gl = {
    LINK_STATUS,
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED,
    isContextLost: () => lost,
    getProgramParameter: (_: WebGLProgram, pname: number) => {
      expect(pname).toBe(LINK_STATUS);
      calls.push('link status');
      return linked;
    },
    getProgramInfoLog: () => logs[0],
    getShaderInfoLog: (shader: WebGLShader) => logs[shader === ('vs' as unknown as WebGLShader) ? 1 : 2],
    fenceSync: () => {
      calls.push('fence');
      return fence ? ({} as WebGLSync) : null;
    },
    flush: () => calls.push('flush'),
    getSyncParameter: () => (looks++ >= signalAfter ? SIGNALED : UNSIGNALED),
    deleteSync: () => calls.push('delete'),
  } as unknown as ProgramContext;
  return { gl, calls, looks: () => looks, lose: () => (lost = true) };
}

const parts = {
  program: 'program',
  vertexShader: 'vs' as unknown as WebGLShader,
  fragmentShader: 'fs' as unknown as WebGLShader,
};

describe('linkError', () => {
  it('is undefined for a program that linked', () => {
    expect(linkError(fakeGl().gl, parts)).toBeUndefined();
  });

  it('tells why a program did not link, from every log that says something', () => {
    const { gl } = fakeGl({ linked: false, logs: ['  link failed ', null, 'ERROR: 0:12: syntax error\n'] });
    expect(linkError(gl, parts)).toBe('link failed\nERROR: 0:12: syntax error');
    expect(linkError(fakeGl({ linked: false, logs: ['', 'vertex', ''] }).gl, parts)).toBe('vertex');
  });

  it('still fails a program that did not link when no log says why', () => {
    expect(linkError(fakeGl({ linked: false, logs: [' ', null, ''] }).gl, parts)).toBe('the room shader did not link');
  });

  it('asks nothing of a lost context, and blames nothing on it', () => {
    const { gl, calls } = fakeGl({ linked: false, lost: true });
    expect(linkError(gl, parts)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

describe('gpuDone', () => {
  it('resolves once the fence is signalled, looking between waits and never blocking', async () => {
    const { gl, calls, looks } = fakeGl({ signalAfter: 3 });
    const waits: number[] = [];
    await gpuDone(gl, async (ms) => void waits.push(ms));
    expect(waits).toEqual([FENCE_POLL_MS, FENCE_POLL_MS, FENCE_POLL_MS]);
    expect(looks()).toBe(4);
    // The fence is sent to the GPU at once, and put away after.
    expect(calls).toEqual(['fence', 'flush', 'delete']);
  });

  it('does not wait when the GPU is already done', async () => {
    const waits: number[] = [];
    await gpuDone(fakeGl().gl, async (ms) => void waits.push(ms));
    expect(waits).toEqual([]);
  });

  it('stops waiting when the context is lost, or after a long while', async () => {
    const lost = fakeGl({ signalAfter: Infinity });
    let waits = 0;
    await gpuDone(lost.gl, async () => {
      if (++waits === 2) lost.lose();
    });
    expect(waits).toBe(2);
    const stuck = fakeGl({ signalAfter: Infinity });
    waits = 0;
    await gpuDone(stuck.gl, async () => void waits++);
    expect(waits).toBe(FENCE_GIVE_UP_MS / FENCE_POLL_MS);
    expect(stuck.calls.at(-1)).toBe('delete');
  });

  it('resolves at once when no fence can be made', async () => {
    const { gl, calls } = fakeGl({ fence: false });
    await gpuDone(gl, () => new Promise(() => {}));
    expect(calls).toEqual(['fence']);
  });
});

describe('programDone', () => {
  /** A context whose KHR_parallel_shader_compile says the compile is done after `doneAfter` looks. */
  function parallelGl(doneAfter: number) {
    let looks = 0;
    let lost = false;
    const asked: number[] = [];
    const gl = {
      isContextLost: () => lost,
      getProgramParameter: (_: WebGLProgram, pname: number) => {
        asked.push(pname);
        return pname === COMPLETION_STATUS_KHR ? looks++ >= doneAfter : true;
      },
    } as unknown as ProgramContext;
    return { gl, asked, lose: () => (lost = true) };
  }
  const program = {} as WebGLProgram;

  it('asks the driver whether the compile is done, between waits, and never for the link status', async () => {
    const { gl, asked } = parallelGl(2);
    const waits: number[] = [];
    await programDone(gl, program, true, async (ms) => void waits.push(ms));
    expect(waits).toEqual([FENCE_POLL_MS, FENCE_POLL_MS]);
    expect(asked).toEqual([COMPLETION_STATUS_KHR, COMPLETION_STATUS_KHR, COMPLETION_STATUS_KHR]);
  });

  it('stops waiting when the context is lost, or after a long while', async () => {
    const lost = parallelGl(Infinity);
    let waits = 0;
    await programDone(lost.gl, program, true, async () => {
      if (++waits === 3) lost.lose();
    });
    expect(waits).toBe(3);
    const stuck = parallelGl(Infinity);
    waits = 0;
    await programDone(stuck.gl, program, true, async () => void waits++);
    expect(waits).toBe(FENCE_GIVE_UP_MS / FENCE_POLL_MS);
  });

  it('waits on a fence where the compile cannot be asked about', async () => {
    const { gl, calls } = fakeGl({ signalAfter: 1 });
    const waits: number[] = [];
    await programDone(gl, program, false, async (ms) => void waits.push(ms));
    expect(calls).toEqual(['fence', 'flush', 'delete']);
    expect(waits).toEqual([FENCE_POLL_MS]);
  });
});
