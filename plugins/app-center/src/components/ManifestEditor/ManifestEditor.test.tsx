import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { ManifestWriteResult } from '@internal/plugin-app-center-common';
import { responseError } from '../../__testUtils__/fakeAppCenterApi';
import {
  changedPaths,
  newFileProblem,
  pendingChanges,
  reapplyChanges,
} from './draft';
import { ManifestEditor } from './ManifestEditor';

// Typing with userEvent is slow on a busy machine.
jest.setTimeout(30_000);

const R1 = '1'.repeat(40);
const R2 = '2'.repeat(40);
const initial = {
  revision: R1,
  files: [
    { path: 'deployment.yaml', content: 'kind: Deployment\n' },
    { path: 'service.yaml', content: 'kind: Service\n' },
  ],
};

function store(overrides: { write?: jest.Mock; load?: jest.Mock } = {}) {
  return {
    load: overrides.load ?? jest.fn(async () => initial),
    write:
      overrides.write ??
      jest.fn(
        async (): Promise<ManifestWriteResult> => ({
          revision: R2,
          parent: R1,
          committed: true,
          files: [],
        }),
      ),
  };
}

async function render(s = store(), canWrite = true) {
  const onSaved = jest.fn();
  await renderInTestApp(
    <ManifestEditor
      initial={initial}
      store={s}
      canWrite={canWrite}
      filesLabel="Files of web"
      subject="web"
      readOnlyReason="Only web's owners edit it."
      onSaved={onSaved}
    />,
  );
  return { store: s, onSaved };
}

const editor = (path: string) =>
  screen.getByLabelText(`Content of ${path}`) as HTMLTextAreaElement;

describe('ManifestEditor', () => {
  it('shows each problem once, at its line, and moves to the first file that has one', async () => {
    const write = jest.fn(async () => {
      throw await responseError(400, 'the manifests have 3 problems', {
        issues: [
          { path: 'service.yaml', line: 1, column: 7, message: 'bad kind' },
          { path: 'service.yaml', line: 2, column: 1, message: 'no name' },
          {
            path: 'deployment.yaml',
            line: 1,
            column: 1,
            message: 'no spec',
          },
        ],
      });
    });
    await render(store({ write }));
    fireEvent.change(editor('deployment.yaml'), {
      target: { value: 'kind: Deployment\nx: 1\n' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The manifests have 3 problems; nothing was saved.',
    );
    // deployment.yaml (shown) has one problem: once, at line 1
    expect(screen.getAllByText(/no spec/)).toHaveLength(1);
    expect(screen.getByTestId('issue-line-1')).toHaveAttribute(
      'title',
      'no spec',
    );
    expect(screen.queryByText(/bad kind/)).not.toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Files of web' });
    expect(within(list).getByText('1 problem')).toBeInTheDocument();
    expect(within(list).getByText('2 problems')).toBeInTheDocument();
    await userEvent.click(within(list).getByText('service.yaml'));
    expect(
      screen.getAllByText(/bad kind|no name/).map(e => e.textContent),
    ).toEqual(['Line 1, column 7: bad kind', 'Line 2, column 1: no name']);
    expect(screen.getByTestId('issue-line-2')).toHaveAttribute(
      'title',
      'no name',
    );
    // an edit moves lines: the file's markers go, the other file keeps its own
    fireEvent.change(editor('service.yaml'), {
      target: { value: 'kind: Service\nmetadata: {name: web}\n' },
    });
    expect(screen.queryByTestId('issue-line-2')).not.toBeInTheDocument();
    expect(screen.queryByText(/bad kind|no name/)).not.toBeInTheDocument();
    expect(within(list).getByText('1 problem')).toBeInTheDocument();
    expect(within(list).queryByText('2 problems')).not.toBeInTheDocument();
  });

  it('keeps the edit and shows the reason when the backend refuses for another cause', async () => {
    const write = jest.fn(async () => {
      throw await responseError(403, 'you may not change web in prod');
    });
    const { onSaved } = await render(store({ write }));
    fireEvent.change(editor('deployment.yaml'), {
      target: { value: 'kind: Deployment\nx: 1\n' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'you may not change web in prod',
    );
    expect(editor('deployment.yaml').value).toBe('kind: Deployment\nx: 1\n');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says when a save made no commit, and reloads the files it wrote', async () => {
    const write = jest.fn(async () => ({
      revision: R1,
      parent: R1,
      committed: false,
      files: [],
    }));
    const s = store({ write });
    const { onSaved } = await render(s);
    await userEvent.click(screen.getByText('service.yaml'));
    fireEvent.change(editor('service.yaml'), {
      target: { value: 'kind: Service\n ' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Nothing changed: no commit made'),
    ).toBeInTheDocument();
    expect(s.load).toHaveBeenCalledTimes(1);
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ committed: false }),
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('drops a file added in this edit when it is deleted, and restores a loaded one', async () => {
    const s = store();
    await render(s);
    await userEvent.type(screen.getByLabelText('New file'), 'extra.yaml');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(editor('extra.yaml').value).toBe('');
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete extra.yaml' }),
    );
    expect(screen.queryByText('extra.yaml')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete service.yaml' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Keep service.yaml' }),
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete service.yaml' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(s.write).toHaveBeenCalled());
    expect(s.write).toHaveBeenCalledWith({
      files: [],
      deleted: ['service.yaml'],
      baseRevision: R1,
      message: undefined,
    });
  });

  it('refuses a new file that exists already', async () => {
    await render();
    await userEvent.type(screen.getByLabelText('New file'), 'service.yaml');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'service.yaml exists already',
    );
  });

  it('shows the reason instead of the save controls to readers', async () => {
    await render(store(), false);
    expect(editor('deployment.yaml')).toHaveAttribute('readonly');
    expect(
      screen.queryByRole('button', { name: 'Save' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByLabelText('New file')).not.toBeInTheDocument();
    expect(screen.getByText("Only web's owners edit it.")).toBeInTheDocument();
  });
});

describe('manifest drafts', () => {
  it('computes the pending changes of an edit', () => {
    const loaded = [
      { path: 'a.yaml', content: 'a' },
      { path: 'b.yaml', content: 'b' },
    ];
    const buffers = new Map([
      ['a.yaml', 'a2'],
      ['b.yaml', 'b'],
      ['c.yaml', 'c'],
    ]);
    expect(pendingChanges(loaded, buffers, new Set(['b.yaml']))).toEqual({
      files: [
        { path: 'a.yaml', content: 'a2' },
        { path: 'c.yaml', content: 'c' },
      ],
      deleted: ['b.yaml'],
    });
  });

  it('re-applies my edit on their files, keeping deletions of files that still exist', () => {
    const theirs = [
      { path: 'a.yaml', content: 'a-theirs' },
      { path: 'b.yaml', content: 'b-theirs' },
    ];
    const { buffers, deleted } = reapplyChanges(theirs, {
      files: [{ path: 'a.yaml', content: 'a-mine' }],
      deleted: ['b.yaml', 'gone.yaml'],
    });
    expect([...buffers]).toEqual([
      ['a.yaml', 'a-mine'],
      ['b.yaml', 'b-theirs'],
    ]);
    expect([...deleted]).toEqual(['b.yaml']);
  });

  it('names the files that differ between two readings', () => {
    expect(
      changedPaths(
        [
          { path: 'a.yaml', content: '1' },
          { path: 'b.yaml', content: '1' },
        ],
        [
          { path: 'b.yaml', content: '2' },
          { path: 'c.yaml', content: '1' },
        ],
      ),
    ).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('accepts only relative YAML paths for new files', () => {
    const existing = new Map([['a.yaml', '']]);
    expect(newFileProblem('config/map.yml', existing)).toBeUndefined();
    for (const bad of ['../x.yaml', '/x.yaml', 'x.txt', 'a//b.yaml', '.x.yaml'])
      expect(newFileProblem(bad, existing)).toMatch(/is not a manifest path/);
    expect(newFileProblem('a.yaml', existing)).toBe('a.yaml exists already');
  });
});
