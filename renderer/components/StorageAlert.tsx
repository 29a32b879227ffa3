import { useStore } from 'zustand';
import type { ConsoleStore } from '../store';
import './storage-alert.css';

/**
 * The server's writes that are failing now (the results journal, autosave,
 * the session, the as-run log): a full disk, a read-only data folder. Shown
 * the moment the server says so, and gone when it writes again. It changes
 * nothing on air and asks nothing of the operator but to free the disk.
 */
export function StorageAlert({ store }: { store: ConsoleStore }) {
  // The snapshot itself, not a derived array: a new array each render would re-render without end.
  const storage = useStore(store, (s) => s.storage);
  const faults = storage?.faults ?? [];
  if (faults.length === 0) return null;
  return (
    <section className="storage-alert" role="alert" aria-label="Not saved to disk" data-storage-alert>
      <strong>NOT SAVED TO DISK</strong>
      <ul>
        {faults.map((f) => (
          <li key={f.what} data-storage-fault={f.what}>
            <span className="storage-what">{f.what.toUpperCase()}</span> {f.message}
            <span className="storage-since"> · since {new Date(f.since).toLocaleTimeString('en-GB')}</span>
          </li>
        ))}
      </ul>
      <span className="storage-note">What is on air is unchanged. Strapline keeps trying; free space or fix the data folder.</span>
    </section>
  );
}
