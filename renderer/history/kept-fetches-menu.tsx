/**
 * "Kept fetches…" (desktop): the live fetches the app kept in its history folder, newest first, each with its
 * UTC time and size and a checkbox; "Show timeline" has main read the chosen ones and shows their timeline as
 * "Timeline…" does. The menu is the toolbar's Radix dropdown (as Filters), so keys, focus and closing behave the
 * same; the list is asked for each time the menu opens, so a fetch kept meanwhile is there.
 */
import { useRef, useState } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { DesktopApi } from '../../shared/ipc/desktop-api';
import { MAX_KEPT_READ, type KeptFetch, type KeptFetchList } from '../../shared/ipc/kept-history';
import type { Diagnostic } from '../../shared/model/types';
import { FilterCheck } from '../panels/explore-controls';
import { useHistoryStore, type HistoryHost } from './history-store';
import { runTimeline } from './run-timeline';
import './kept-fetches.css';

/** `2026-11-28T09:30:05.000Z` → `2026-11-28 09:30:05 UTC`. */
export function keptTimeLabel(fetchedAt: string): string {
  return `${fetchedAt.replace('T', ' ').slice(0, 19)} UTC`;
}

/** 1536 → "1.5 KiB": binary units, as the app's size limits are given. */
export function keptSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The fetches checked when the list opens: all of them, or the newest that one read may take. */
function defaultChoice(entries: KeptFetch[]): Set<string> {
  return new Set(entries.slice(-MAX_KEPT_READ).map((e) => e.name));
}

type Listing = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; list: KeptFetchList };

/** The button and its menu; `host` computes the timeline, `api` lists and reads the kept fetches in main. */
export function KeptFetchesMenu({
  api,
  host,
}: {
  api: Pick<DesktopApi, 'listKeptFetches' | 'readKeptFetches'>;
  host: HistoryHost;
}) {
  const busy = useHistoryStore((s) => s.busy);
  // The history panel lives under the diagram (app.tsx hides the workspace until a load is open).
  const [open, setOpen] = useState(false);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  // The answer of the latest opening only: a slow list must not replace a newer one.
  const asked = useRef(0);

  const openChange = (next: boolean) => {
    setOpen(next);
    if (!next) return;
    const ask = ++asked.current;
    setListing({ state: 'loading' });
    api.listKeptFetches().then(
      (list) => {
        if (ask !== asked.current) return;
        setListing({ state: 'ready', list });
        setChosen(defaultChoice(list.entries));
      },
      (e: unknown) => {
        if (ask === asked.current) setListing({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
  };

  const toggle = (name: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const show = async (entries: KeptFetch[]) => {
    const names = entries.filter((e) => chosen.has(e.name)).map((e) => e.name);
    useHistoryStore.getState().setBusy(true);
    let texts;
    try {
      texts = await api.readKeptFetches(names);
    } catch (e) {
      useHistoryStore.getState().setBusy(false, `Timeline failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const files = texts.flatMap((t) => (t.ok ? [{ name: t.name, file: new Blob([t.text]) }] : []));
    const unread = texts.flatMap((t): Diagnostic[] =>
      t.ok ? [] : [{ severity: 'error', code: 'unreadable', message: t.error, file: t.name }],
    );
    await runTimeline(host, files, unread);
  };

  const entries = listing.state === 'ready' ? listing.list.entries : [];
  const newestFirst = [...entries].reverse();
  const count = entries.filter((e) => chosen.has(e.name)).length;
  return (
    <DropdownMenu.Root open={open} onOpenChange={openChange} modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className={`btn${open ? ' active' : ''}`}
          data-testid="kept-fetches-button"
          disabled={busy}
          title="The live fetches this app kept: choose some and step through them as a timeline"
        >
          Kept fetches…
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="filter-popover kept-fetches"
          data-testid="kept-fetches-menu"
          aria-label="Kept fetches"
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          // Esc closes the menu only: the page's Esc (clear the selection and the search) must not fire too.
          onEscapeKeyDown={(e) => e.stopPropagation()}
        >
          {listing.state === 'loading' && <p className="hint">Reading the kept fetches…</p>}
          {listing.state === 'failed' && (
            <p className="callout callout-stopped" role="alert">
              Could not list the kept fetches: {listing.message}
            </p>
          )}
          {listing.state === 'ready' && entries.length === 0 && (
            <p className="hint" data-testid="kept-fetches-empty">
              No fetches kept yet: each complete live fetch is kept here.
            </p>
          )}
          {entries.length > 0 && (
            <DropdownMenu.Group className="filter-group" aria-label="Kept fetches, newest first">
              <DropdownMenu.Label className="filter-group-label">
                {entries.length} kept, newest first · {count} chosen
              </DropdownMenu.Label>
              {newestFirst.map((e) => (
                <FilterCheck
                  key={e.name}
                  label={`${keptTimeLabel(e.fetchedAt)} · ${keptSizeLabel(e.bytes)}`}
                  title={e.name}
                  checked={chosen.has(e.name)}
                  onToggle={() => toggle(e.name)}
                  testId={`kept-fetch-${e.name}`}
                />
              ))}
            </DropdownMenu.Group>
          )}
          {entries.length > 0 && (
            <DropdownMenu.Item
              className="btn kept-fetches-show"
              data-testid="kept-fetches-show"
              disabled={count === 0 || count > MAX_KEPT_READ}
              title={
                count > MAX_KEPT_READ
                  ? `At most ${MAX_KEPT_READ} fetches at a time: untick some`
                  : 'Step through the chosen fetches in time order, with what changed between neighbours'
              }
              onSelect={() => void show(entries)}
            >
              Show timeline
            </DropdownMenu.Item>
          )}
          {listing.state === 'ready' && (
            <p className="hint kept-fetches-folder" data-testid="kept-fetches-folder">
              Kept in {listing.list.folder}
            </p>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
