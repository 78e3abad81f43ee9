'use client';

import { Download, Pause, Play } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../ui/button';
import { SearchInput } from '../ui/search-input';
import { cn } from '../ui/cn';
import { ansiPlain, ansiSegments } from './ansi';

export interface LogLine {
  lineNo: number;
  text: string;
  stream: string;
}

const pollMs = 2000;
const tailSize = 1000;

const tailQuery = `query RunLogTail($entity: String!, $project: String!, $id: String!, $last: Int!) {
  run(entity: $entity, project: $project, id: $id) { state consoleLines(last: $last) { lineNo text stream } }
}`;

/** Wraps every case-insensitive occurrence of `query` in <mark>, as React text. */
function highlight(text: string, query: string, key: string) {
  if (!query) return text;
  const lower = text.toLowerCase();
  const parts: React.ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={`${key}-${at}`} className="rounded-sm bg-amber-300 text-zinc-950">
        {text.slice(at, at + query.length)}
      </mark>,
    );
    from = at + query.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

function LineText({ text, query }: { text: string; query: string }) {
  const segments = useMemo(() => ansiSegments(text), [text]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.className || segment.color || segment.background ? (
          <span
            key={index}
            className={segment.className || undefined}
            style={
              segment.color || segment.background
                ? { color: segment.color, backgroundColor: segment.background }
                : undefined
            }
          >
            {highlight(segment.text, query, String(index))}
          </span>
        ) : (
          <Fragment key={index}>{highlight(segment.text, query, String(index))}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * The last 1,000 console lines with their ANSI colours, a search that filters and
 * highlights, and — while the run runs — a follow mode that polls for new lines and keeps
 * the newest in view. The full log is a download.
 */
export function LogViewer({
  entity,
  project,
  runId,
  initialLines,
  initialState,
}: {
  entity: string;
  project: string;
  runId: string;
  initialLines: LogLine[];
  initialState: string;
}) {
  const router = useRouter();
  const [lines, setLines] = useState(initialLines);
  const [state, setState] = useState(initialState);
  const [query, setQuery] = useState('');
  const [follow, setFollow] = useState(initialState === 'RUNNING');
  const [pollError, setPollError] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const running = state === 'RUNNING';

  useEffect(() => {
    if (!follow || !running) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch('/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: tailQuery,
            variables: { entity, project, id: runId, last: tailSize },
          }),
        });
        const body = (await response.json()) as {
          data?: { run: { state: string; consoleLines: LogLine[] } | null };
        };
        if (cancelled || !body.data?.run) return;
        setPollError(false);
        setLines(body.data.run.consoleLines);
        if (body.data.run.state !== 'RUNNING') {
          setState(body.data.run.state);
          setFollow(false);
          // The header's state badge and actions change with it.
          router.refresh();
        }
      } catch {
        if (!cancelled) setPollError(true);
      }
    }, pollMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [follow, running, entity, project, runId, router]);

  useEffect(() => {
    const element = scroller.current;
    if (follow && element) element.scrollTop = element.scrollHeight;
  }, [lines, follow]);

  const needle = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      needle ? lines.filter((line) => ansiPlain(line.text).toLowerCase().includes(needle)) : lines,
    [lines, needle],
  );
  const downloadHref = `/api/v1/runs/${encodeURIComponent(entity)}/${encodeURIComponent(project)}/${encodeURIComponent(runId)}/logs`;

  return (
    <section aria-label="Console output" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          label="Search logs"
          placeholder="Search the lines below"
          className="min-w-56 flex-1"
          value={query}
          onValueChange={setQuery}
        />
        <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
          {needle
            ? `${shown.length.toLocaleString('en')} of ${lines.length.toLocaleString('en')} lines`
            : `${lines.length.toLocaleString('en')} ${lines.length === 1 ? 'line' : 'lines'}${lines.length >= tailSize ? ' (the last 1,000)' : ''}`}
        </p>
        {running && (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            aria-pressed={follow}
            onClick={() => setFollow((on) => !on)}
          >
            {follow ? (
              <Pause className="h-4 w-4" aria-hidden />
            ) : (
              <Play className="h-4 w-4" aria-hidden />
            )}
            {follow ? 'Following' : 'Follow'}
          </Button>
        )}
        {/* A plain link: the download is an API response, not a page to prefetch. */}
        <a
          href={downloadHref}
          download={`${runId}.log`}
          className="inline-flex h-8 items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          <Download className="h-4 w-4" aria-hidden />
          Download full log
        </a>
      </div>
      {pollError && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-400">
          Could not fetch new lines; still trying.
        </p>
      )}
      <div
        ref={scroller}
        className="max-h-[70vh] min-h-48 overflow-auto rounded-xl border border-zinc-200 bg-zinc-950 py-3 font-mono text-xs leading-5 text-zinc-100 shadow-sm dark:border-zinc-800"
      >
        {lines.length === 0 ? (
          <p className="px-4 py-10 text-center font-sans text-sm text-zinc-400">
            {running
              ? 'No console output yet. Lines appear here as the program prints them.'
              : 'This run printed nothing to its console.'}
          </p>
        ) : shown.length === 0 ? (
          <p className="px-4 py-10 text-center font-sans text-sm text-zinc-400">
            No line contains “{query.trim()}”.
          </p>
        ) : (
          <ol aria-label="Log lines">
            {shown.map((line) => (
              <li
                key={line.lineNo}
                data-stream={line.stream}
                className={cn(
                  'flex border-l-2 pr-4 hover:bg-white/5',
                  line.stream === 'stderr' ? 'border-red-500 bg-red-500/10' : 'border-transparent',
                )}
              >
                <span
                  aria-hidden
                  className="w-16 shrink-0 pr-4 text-right text-zinc-500 select-none"
                >
                  {line.lineNo + 1}
                </span>
                {line.stream === 'stderr' && <span className="sr-only">stderr: </span>}
                <span className="min-w-0 whitespace-pre-wrap break-all">
                  {line.text ? <LineText text={line.text} query={needle} /> : ' '}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Lines on a red edge were written to stderr.
      </p>
    </section>
  );
}
