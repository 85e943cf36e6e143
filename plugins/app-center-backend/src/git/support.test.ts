import { formatCommitMessage, userMessageParts } from './commitMessage';
import { Mutex } from './Mutex';
import { redactSecrets, redactUrl } from './redact';

describe('formatCommitMessage', () => {
  it('formats subject, body and task trailer', () => {
    expect(
      formatCommitMessage({
        action: 'deploy',
        project: 'shop',
        env: 'prod',
        app: 'web',
        detail: 'web:2\nsecond line',
        taskId: 'abc-1',
        body: 'Release 2',
      }),
    ).toBe(
      'app-center: deploy shop/prod/web: web:2 second line\n\nRelease 2\n\nApp-Center-Task: abc-1\n',
    );
    expect(
      formatCommitMessage({
        action: 'scale',
        project: 'p',
        env: 'e',
        app: 'a',
        detail: '',
      }),
    ).toBe('app-center: scale p/e/a: update\n');
    expect(() =>
      formatCommitMessage({
        action: 'Bad Action',
        project: 'p',
        env: 'e',
        app: 'a',
        detail: 'x',
      }),
    ).toThrow(/lower-case word/);
    expect(() =>
      formatCommitMessage({
        action: 'x',
        project: 'p',
        env: 'e',
        app: 'a',
        detail: 'x',
        taskId: 'a\nEvil: 1',
      }),
    ).toThrow(/trailer/);
  });
});

describe('userMessageParts', () => {
  it('makes a short first line the subject and the rest the body', () => {
    expect(userMessageParts('  Raise limits  ', 'update 1 file')).toEqual({
      detail: 'Raise limits',
    });
    expect(
      userMessageParts('Raise limits\n\nThe pods were OOM-killed.', 'x'),
    ).toEqual({ detail: 'Raise limits', body: 'The pods were OOM-killed.' });
  });

  it('keeps the fallback subject for no message or a long first line', () => {
    expect(userMessageParts(undefined, 'update 2 files')).toEqual({
      detail: 'update 2 files',
    });
    expect(userMessageParts(' \n ', 'delete template')).toEqual({
      detail: 'delete template',
    });
    const long = `${'a'.repeat(101)}\nmore`;
    expect(userMessageParts(long, 'update 1 file')).toEqual({
      detail: 'update 1 file',
      body: long,
    });
  });
});

describe('Mutex', () => {
  it('runs calls one at a time in order, surviving failures', async () => {
    const m = new Mutex();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) =>
      m.run(async () => {
        log.push(`start ${name}`);
        await new Promise(r => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([
      job('a', 30),
      job('b', 5, true),
      job('c', 1),
    ]);
    expect(results.map(r => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(log).toEqual([
      'start a',
      'end a',
      'start b',
      'end b',
      'start c',
      'end c',
    ]);
    expect(m.size).toBe(0);
  });
});

describe('redact', () => {
  it('removes user info, query and secrets in any encoding', () => {
    expect(redactUrl('https://user:tok@git.example.com/a/b.git?x=tok')).toBe(
      'https://git.example.com/a/b.git',
    );
    const s = 'p@ss/word';
    const text = `failed https://me:${encodeURIComponent(
      s,
    )}@h/x with ${s} and ${Buffer.from(s).toString('base64')}`;
    const out = redactSecrets(text, [s]);
    expect(out).not.toContain(s);
    expect(out).not.toContain(encodeURIComponent(s));
    expect(out).not.toContain(Buffer.from(s).toString('base64'));
    expect(out).toContain('https://h/x');
  });
});
