'use client';

import { Loader2 } from 'lucide-react';
import { useTheme } from 'next-themes';
import type { Config, Data, Layout, PlotlyHTMLElement } from 'plotly.js';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fetchChartSeries, xAxisLabels, type ChartSeriesData } from './chart-series';
import { emaSmooth } from './smoothing';
import { useNearViewport } from './use-near-viewport';

export interface ChartRun {
  runId: string;
  name: string;
  color: string;
}

export interface LineChartOptions {
  title?: string;
  xAxis: string;
  logX: boolean;
  logY: boolean;
  smoothing: number;
  xMin?: number | null;
  xMax?: number | null;
  yMin?: number | null;
  yMax?: number | null;
  legend: 'top' | 'bottom' | 'right' | 'hidden';
  /** Axis title for y, e.g. with a unit ("GPU temperature (°C)"). */
  yTitle?: string;
}

type PlotlyModule = typeof import('plotly.js');
type XRange = { minX?: number; maxX?: number };

/** Running runs are re-read this often, with Plotly.react updating the plot in place. */
export const livePollMs = 5000;

let plotly: PlotlyModule | null = null;
let plotlyLoading: Promise<PlotlyModule> | null = null;

/**
 * plotly.js (3.5 MB) once per page, whichever chart asks first. Started as soon as this
 * module runs in the browser, so it downloads and compiles while the page still fetches its
 * runs, layout and series rather than after the first chart mounts.
 */
function loadPlotly(): Promise<PlotlyModule> {
  plotlyLoading ??= import('plotly.js-dist-min').then((module) => {
    plotly = module.default as unknown as PlotlyModule;
    return plotly;
  });
  return plotlyLoading;
}
if (typeof window !== 'undefined') void loadPlotly();

/**
 * One timer for every live chart on the page, so their polls fall in the same moment and
 * fetchChartSeries sends them as one request.
 */
const liveListeners = new Set<() => void>();
let liveTimer: ReturnType<typeof setInterval> | null = null;
function onLiveTick(listener: () => void): () => void {
  liveListeners.add(listener);
  liveTimer ??= setInterval(() => liveListeners.forEach((notify) => notify()), livePollMs);
  return () => {
    liveListeners.delete(listener);
    if (liveListeners.size === 0 && liveTimer) {
      clearInterval(liveTimer);
      liveTimer = null;
    }
  };
}

/** Widths are rounded so resizing a window by a few pixels does not re-read every panel. */
const roundWidth = (pixels: number) => Math.max(100, Math.round(pixels / 100) * 100);
const dashes = ['solid', 'dash', 'dot', 'dashdot', 'longdash'] as const;

function rgba(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Plotly reports ranges in axis units: log10 on log axes, local date strings on date axes. */
function fromAxis(value: unknown, xAxis: string, log: boolean): number | undefined {
  if (typeof value === 'string' && xAxis === '_timestamp') {
    const time = new Date(value.replace(' ', 'T')).getTime();
    return Number.isFinite(time) ? time / 1000 : undefined;
  }
  const number = Number(value);
  if (!Number.isFinite(number)) return undefined;
  return log ? 10 ** number : number;
}

/**
 * A line chart of several runs' metrics, read from `Query.chartSeries` (server-side sampling
 * with min/max bands). Zooming re-reads the visible range, so a deep zoom shows exact
 * points; double-click resets. With `live`, it polls and updates the plot in place.
 * plotly.js is loaded on the client only, once per page. The data is read at once (batched
 * with the other charts on the page); the plot is drawn at once near the viewport, else when
 * the browser is next idle (useNearViewport).
 */
export function LineChart({
  entityName,
  projectName,
  runs: runsProp,
  keys: keysProp,
  options: optionsProp,
  live = false,
  height = 260,
}: {
  entityName: string;
  projectName: string;
  runs: ChartRun[];
  keys: string[];
  options: LineChartOptions;
  live?: boolean;
  height?: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const plotlyRef = useRef<PlotlyModule | null>(plotly);
  const [plotlyReady, setPlotlyReady] = useState(plotly !== null);
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState<XRange | null>(null);
  const [series, setSeries] = useState<ChartSeriesData[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The request the shown series answer (a live poll counts as the same request). */
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const { resolvedTheme } = useTheme();

  // Callers build these inline; compare them by value so a re-render draws nothing new.
  const runsJson = JSON.stringify(runsProp);
  const keysJson = JSON.stringify(keysProp);
  const optionsJson = JSON.stringify(optionsProp);
  const runs = useMemo(() => JSON.parse(runsJson) as ChartRun[], [runsJson]);
  const keys = useMemo(() => JSON.parse(keysJson) as string[], [keysJson]);
  const options = useMemo(() => JSON.parse(optionsJson) as LineChartOptions, [optionsJson]);
  const dark = resolvedTheme === 'dark';

  const runIds = runs.map((run) => run.runId);
  const runKey = runIds.join('\0');
  const keyKey = keys.join('\0');
  const { xAxis, logX } = options;
  // A zoom is in the old axis's units: forget it when the axis or the metrics change.
  const zoomScope = `${xAxis}\0${keyKey}\0${logX}`;
  const [zoomFor, setZoomFor] = useState(zoomScope);
  if (zoomFor !== zoomScope) {
    setZoomFor(zoomScope);
    setZoom(null);
  }
  const range: XRange = zoom ?? {
    minX: options.xMin ?? undefined,
    maxX: options.xMax ?? undefined,
  };

  useEffect(() => {
    let cancelled = false;
    void loadPlotly().then((module) => {
      if (cancelled) return;
      plotlyRef.current = module;
      setPlotlyReady(true);
    });
    const plot = plotRef.current;
    return () => {
      cancelled = true;
      if (plot && plotlyRef.current) plotlyRef.current.purge(plot);
    };
  }, []);

  // The pixel width decides how many points are worth reading. Measured once on mount, so
  // the read starts in this commit rather than at the observer's first callback a frame later.
  useLayoutEffect(() => {
    const element = containerRef.current;
    if (element) setWidth(roundWidth(element.getBoundingClientRect().width));
  }, []);
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = roundWidth(entry?.contentRect.width ?? 0);
      setWidth((previous) => (previous === next ? previous : next));
      if (plotRef.current && plotlyRef.current) plotlyRef.current.Plots.resize(plotRef.current);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!live) return;
    return onLiveTick(() => setTick((t) => t + 1));
  }, [live]);

  const minX = range.minX;
  const maxX = range.maxX;
  const nothingToRead = runKey === '' || keyKey === '';
  const requestKey = JSON.stringify([entityName, projectName, runKey, keyKey, xAxis, minX, maxX]);
  const loading = !nothingToRead && loadedFor !== requestKey;
  useEffect(() => {
    if (width === 0 || nothingToRead) return;
    const controller = new AbortController();
    fetchChartSeries(
      {
        entity: entityName,
        project: projectName,
        runIds: runKey.split('\0'),
        keys: keyKey.split('\0'),
        xAxis,
        minX,
        maxX,
        width,
      },
      controller.signal,
    )
      .then((data) => {
        setSeries(data);
        setError(null);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof Error ? reason.message : 'Could not load the chart');
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoadedFor(requestKey);
      });
    return () => controller.abort();
  }, [
    entityName,
    projectName,
    runKey,
    keyKey,
    xAxis,
    minX,
    maxX,
    width,
    tick,
    nothingToRead,
    requestKey,
  ]);

  const runsById = useMemo(() => new Map(runs.map((run) => [run.runId, run])), [runs]);
  const near = useNearViewport(containerRef, series !== null);

  // Draw (or update in place) whenever data, options or theme change.
  useEffect(() => {
    const Plotly = plotlyRef.current;
    const plot = plotRef.current;
    const drawn = nothingToRead ? [] : series;
    if (!plotlyReady || !Plotly || !plot || !drawn || !near) return;
    const traces = buildTraces(drawn, runsById, keys, options);
    const layout = buildLayout(options, dark, height, zoomScope);
    const config: Partial<Config> = {
      displaylogo: false,
      responsive: true,
      modeBarButtonsToRemove: ['lasso2d', 'select2d', 'toImage'],
    };
    void Plotly.react(plot, traces, layout, config).then((element: PlotlyHTMLElement) => {
      const graph = element as PlotlyHTMLElement & { __sextantRelayout?: boolean };
      if (graph.__sextantRelayout) return;
      graph.__sextantRelayout = true;
      graph.on('plotly_relayout', (event) => {
        const change = event as Record<string, unknown>;
        const axis = plot.dataset.xaxis ?? '_step';
        const log = plot.dataset.logx === 'true';
        if (change['xaxis.autorange'] === true) setZoom(null);
        else if ('xaxis.range[0]' in change || 'xaxis.range' in change) {
          const bounds = (change['xaxis.range'] as unknown[] | undefined) ?? [
            change['xaxis.range[0]'],
            change['xaxis.range[1]'],
          ];
          const lo = fromAxis(bounds[0], axis, log);
          const hi = fromAxis(bounds[1], axis, log);
          if (lo !== undefined && hi !== undefined) setZoom({ minX: lo, maxX: hi });
        }
      });
    });
  }, [plotlyReady, series, nothingToRead, runsById, keys, options, dark, height, zoomScope, near]);

  const empty = nothingToRead || (series !== null && series.every((s) => s.x.length === 0));
  return (
    <div
      ref={containerRef}
      className="relative w-full"
      style={{ height }}
      role="figure"
      aria-label={options.title || keys.join(', ')}
      aria-busy={loading || undefined}
    >
      <div
        ref={plotRef}
        className="h-full w-full"
        data-xaxis={xAxis}
        data-logx={String(logX)}
        data-testid="plot"
      />
      {(!plotlyReady || !near || (loading && series === null)) && !error && (
        <div className="absolute inset-0 flex items-center justify-center">
          <div className="h-full w-full animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800/60" />
          <Loader2 className="absolute h-5 w-5 animate-spin text-zinc-400" aria-label="Loading" />
        </div>
      )}
      {loading && series !== null && (
        <Loader2
          className="absolute right-2 top-2 h-4 w-4 animate-spin text-zinc-400"
          aria-hidden
        />
      )}
      {error && (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 text-center">
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
          <button
            type="button"
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-400"
            onClick={() => setTick((t) => t + 1)}
          >
            Retry
          </button>
        </div>
      )}
      {empty && !error && !loading && (
        <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-500 dark:text-zinc-400">
          {xAxis === '_step' || zoom ? 'No data in this range' : 'No data for this x-axis'}
        </p>
      )}
    </div>
  );
}

function toX(values: number[], xAxis: string): (number | Date)[] {
  return xAxis === '_timestamp' ? values.map((seconds) => new Date(seconds * 1000)) : values;
}

export function buildTraces(
  series: ChartSeriesData[],
  runsById: Map<string, ChartRun>,
  keys: string[],
  options: LineChartOptions,
): Data[] {
  const traces: Data[] = [];
  const severalKeys = keys.length > 1;
  const severalRuns = new Set(series.map((s) => s.runId)).size > 1;
  for (const s of series) {
    if (s.x.length === 0) continue;
    const run = runsById.get(s.runId);
    const color = run?.color ?? '#71717a';
    const runName = run?.name ?? s.runId;
    const keyName = s.key.replace(/^system\//, '');
    // Name what tells the lines apart: the run, the metric, or both.
    const name =
      severalKeys && severalRuns ? `${runName} · ${keyName}` : severalKeys ? keyName : runName;
    const x = toX(s.x, options.xAxis);
    const dash = dashes[Math.max(0, keys.indexOf(s.key)) % dashes.length];
    const group = `${s.runId}\0${s.key}`;
    if (s.sampled && s.min && s.max) {
      // The band of each bucket's extremes: no spike is hidden by the mean line.
      traces.push(
        {
          x,
          y: s.max,
          type: 'scatter',
          mode: 'lines',
          line: { width: 0, color },
          hoverinfo: 'skip',
          showlegend: false,
          legendgroup: group,
        },
        {
          x,
          y: s.min,
          type: 'scatter',
          mode: 'lines',
          line: { width: 0, color },
          fill: 'tonexty',
          fillcolor: rgba(color, 0.15),
          hoverinfo: 'skip',
          showlegend: false,
          legendgroup: group,
        },
      );
    }
    const smoothing = options.smoothing;
    if (smoothing > 0) {
      traces.push({
        x,
        y: s.y,
        type: 'scatter',
        mode: 'lines',
        line: { width: 1, color, dash },
        opacity: 0.25,
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: group,
      });
    }
    traces.push({
      x,
      y: smoothing > 0 ? emaSmooth(s.y, smoothing) : s.y,
      type: 'scatter',
      mode: s.x.length === 1 ? 'markers' : 'lines',
      name,
      legendgroup: group,
      line: { width: 1.75, color, dash },
      marker: { color, size: 6 },
      hovertemplate: `${name}: %{y:.4~g}<extra></extra>`,
    });
  }
  return traces;
}

export function buildLayout(
  options: LineChartOptions,
  dark: boolean,
  height: number,
  revision: string,
): Partial<Layout> {
  const text = dark ? '#d4d4d8' : '#3f3f46';
  const grid = dark ? '#27272a' : '#e4e4e7';
  const line = dark ? '#3f3f46' : '#d4d4d8';
  const legend = options.legend;
  const topLegend = legend === 'top';
  const yRange =
    options.yMin != null && options.yMax != null
      ? options.logY
        ? [Math.log10(options.yMin), Math.log10(options.yMax)]
        : [options.yMin, options.yMax]
      : undefined;
  return {
    height,
    autosize: true,
    // Keeps the person's zoom while live data arrives; a new value starts afresh.
    uirevision: revision,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'inherit', size: 11, color: text },
    margin: { l: 48, r: legend === 'right' ? 8 : 16, t: topLegend ? 28 : 12, b: 40 },
    modebar: { bgcolor: 'rgba(0,0,0,0)', color: line, activecolor: text },
    hovermode: 'x unified',
    hoverlabel: { bgcolor: dark ? '#18181b' : '#ffffff', bordercolor: line, font: { color: text } },
    showlegend: legend !== 'hidden',
    legend:
      legend === 'right'
        ? { orientation: 'v', x: 1.02, y: 1, font: { size: 10 } }
        : legend === 'bottom'
          ? // Below the x-axis title, not on it.
            { orientation: 'h', x: 0, y: -0.38, yanchor: 'top', font: { size: 10 } }
          : { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 10 } },
    xaxis: {
      title: { text: xAxisLabels[options.xAxis] ?? options.xAxis, font: { size: 11 } },
      type: options.xAxis === '_timestamp' ? 'date' : options.logX ? 'log' : 'linear',
      gridcolor: grid,
      linecolor: line,
      zeroline: false,
      automargin: true,
      ...(options.xMin != null && options.xMax != null && options.xAxis !== '_timestamp'
        ? {
            range: options.logX
              ? [Math.log10(options.xMin), Math.log10(options.xMax)]
              : [options.xMin, options.xMax],
          }
        : {}),
    },
    yaxis: {
      title: options.yTitle ? { text: options.yTitle, font: { size: 11 } } : undefined,
      type: options.logY ? 'log' : 'linear',
      gridcolor: grid,
      linecolor: line,
      zeroline: false,
      exponentformat: 'SI',
      automargin: true,
      ...(yRange ? { range: yRange } : {}),
    },
  };
}
