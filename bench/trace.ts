/**
 * Main-thread time from a Chromium trace: thread (CPU) time, so a renderer that waits for the
 * browser process or is descheduled on a busy two-core machine is not counted as work.
 */
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel'];

/** Records a trace of `action` (a navigation, say) in `page`. */
export async function traced(browser: Browser, page: Page, action: () => Promise<void>): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const acted = action();
  await acted.catch(() => undefined); // the trace is stopped either way
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await acted;
  return trace.traceEvents;
}

export interface LauncherTime {
  /** CPU time of the loader's own script: its evaluation from the start mark, and calls into it, until the launcher is in the DOM. */
  script: number;
  /** CPU time of the task that renders the first frame painting the launcher (style, layout, paint). */
  render: number;
  /** Wall time from the start mark to the end of that frame: includes waiting. */
  wall: number;
  /** Whether that frame is the page's first paint, which also lays out and paints the page itself. */
  pagesFirstFrame: boolean;
}

const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);

/** The outermost task around a paint: the whole frame (style, layout, paint, commit). */
function frameOf(paint: TraceEvent, events: TraceEvent[]): TraceEvent {
  const tasks = events.filter((e) => e.pid === paint.pid && e.tid === paint.tid && e.ph === 'X' && isTask(e));
  return tasks.filter((t) => t.ts <= paint.ts && end(t) >= end(paint)).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0] ?? paint;
}

/** CPU time of the frame that first paints a page (the page's own first style, layout and paint). */
export function firstFrame(events: TraceEvent[]): number {
  const paint = events.filter((e) => e.name === 'Paint' && e.ph === 'X').sort((a, b) => a.ts - b.ts)[0];
  if (!paint) throw new Error('the trace has no paint');
  return cpu(frameOf(paint, events));
}

/**
 * Reads a page load's trace: `start` is the mark the loader sets as its first statement, `inDom`
 * a mark the bench sets when the launcher's host element is added to the page.
 */
export function launcherTime(events: TraceEvent[], loader: string, start = 'faq-widget:start', inDom = 'faq-widget:in-dom'): LauncherTime {
  const mark = (name: string) => {
    const found = events.find((e) => e.name === name);
    if (!found) throw new Error(`the trace has no "${name}" mark`);
    return found;
  };
  const started = mark(start);
  const added = mark(inDom);
  const main = events.filter((e) => e.pid === started.pid && e.tid === started.tid && e.ph === 'X');
  const ours = main.filter((e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.endsWith(loader));
  // Top-level calls only: a FunctionCall inside the script's own evaluation is counted there.
  const script = ours
    .filter((e) => end(e) >= started.ts && e.ts <= added.ts)
    .filter((e) => !ours.some((outer) => outer !== e && outer.ts <= e.ts && end(outer) >= end(e)))
    .reduce((sum, e) => sum + cpu(e), 0);
  const paint = main.find((e) => e.name === 'Paint' && e.ts > added.ts);
  if (!paint) throw new Error('the trace ends before the launcher was painted');
  const frame = frameOf(paint, events);
  const pagesFirstFrame = !main.some((e) => e.name === 'Paint' && e.ts < frame.ts);
  return { script, render: cpu(frame), wall: (end(frame) - started.ts) / 1000, pagesFirstFrame };
}
