import { useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import type { DropProblem } from '../../main/engine/protocol';

const where = (issue: DropProblem['issues'][number]) =>
  [issue.line === undefined ? undefined : `line ${issue.line}`, issue.column === undefined ? undefined : `column "${issue.column}"`].filter(Boolean).join(', ');

/**
 * Files the drop folder could not take, with where and why: a count in the results strip, the
 * list under it on a click. Non-blocking on purpose: a bad file from the feed is for the
 * operator to see and chase, never a dialog over the live take. A file leaves the list once it
 * is fixed and taken, or deleted.
 */
export function DropProblems({ store }: { store: ConsoleStore }) {
  const drop = useStore(store, (s) => s.drop);
  const [open, setOpen] = useState(false);
  if (!drop || drop.folder === null) return null;
  const count = drop.problemCount;
  return (
    <span className="drop-problems">
      <button
        type="button"
        className={`corrections-badge${count ? ' waiting' : ''}`}
        aria-expanded={open}
        aria-controls="drop-problem-list"
        aria-label={`${count} drop folder file${count === 1 ? '' : 's'} not taken: ${open ? 'hide' : 'show'} them`}
        onClick={() => setOpen(!open)}
      >
        Drop folder{' '}
        <span className="badge" data-drop-problem-count>
          {count}
        </span>
      </button>
      {open && (
        <div id="drop-problem-list" className="drop-problem-list" role="region" aria-label="Drop folder problems">
          <p className="muted">{drop.folder}</p>
          {count === 0 ? (
            <p>Every file in the folder has been taken.</p>
          ) : (
            <ul>
              {drop.problems.map((p) => (
                <li key={p.file} data-drop-problem={p.file}>
                  <strong>{p.file}</strong> <time className="muted">{new Date(p.at).toLocaleTimeString('en-GB')}</time>
                  <ul>
                    {p.issues.map((issue, i) => (
                      <li key={i}>
                        {where(issue) && <span className="drop-where">{where(issue)}: </span>}
                        {issue.message}
                      </li>
                    ))}
                    {p.issueCount > p.issues.length && <li className="muted">and {p.issueCount - p.issues.length} more</li>}
                  </ul>
                </li>
              ))}
              {count > drop.problems.length && <li className="muted">and {count - drop.problems.length} more files</li>}
            </ul>
          )}
        </div>
      )}
    </span>
  );
}
