'use client';

import {
  ArrowDown,
  ArrowUp,
  ChevronDown,
  ChevronRight,
  Copy,
  GripVertical,
  LineChart as LineChartIcon,
  Maximize2,
  Pencil,
  Plus,
  Search,
  Trash2,
} from 'lucide-react';
import { useMemo, useState, type Dispatch } from 'react';
import { resolvePanelKeys } from '@/components/charts/chart-series';
import { LineChart, type ChartRun } from '@/components/charts/line-chart';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { SearchInput } from '@/components/ui/search-input';
import type { Panel, PanelSize, WorkspaceLayout } from '@/lib/workspaces/schemas';
import { PanelEditorDialog } from './panel-editor-dialog';
import { autoPanel, filterPanels, sectionsOf, type LayoutAction } from './panel-layout';

const sizeClass: Record<PanelSize, string> = {
  small: 'lg:col-span-2',
  medium: 'lg:col-span-3',
  large: 'lg:col-span-6',
};
const sizeHeight: Record<PanelSize, number> = { small: 200, medium: 260, large: 360 };
const nextSize: Record<PanelSize, PanelSize> = { small: 'medium', medium: 'large', large: 'small' };

const newPanelId = () => `p-${crypto.randomUUID().slice(0, 8)}`;

export function panelTitle(panel: Panel): string {
  return panel.title || panel.yKeys.join(', ') || (panel.yRegex ? `/${panel.yRegex}/` : 'Panel');
}

function IconButton({
  label,
  onClick,
  children,
  disabled,
}: {
  label: string;
  onClick: () => void;
  children: React.ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-30 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      {children}
    </button>
  );
}

/**
 * The panels of a workspace in collapsible sections, with search by regular expression and
 * every edit (add, edit, duplicate, delete, resize, reorder by buttons or drag) sent to the
 * layout reducer. Used by the project workspace and the run page's Charts and System tabs.
 */
export function PanelGrid({
  entityName,
  projectName,
  runs,
  availableKeys,
  layout,
  dispatch,
  editable,
  live,
  yTitleFor,
  emptyTitle = 'No charts yet',
  emptyText = 'Metrics logged with run.log() appear here, one panel per metric.',
}: {
  entityName: string;
  projectName: string;
  runs: ChartRun[];
  availableKeys: string[];
  layout: WorkspaceLayout;
  dispatch: Dispatch<LayoutAction>;
  editable: boolean;
  live: boolean;
  /** Axis titles with units (system metrics). */
  yTitleFor?: (panel: Panel) => string | undefined;
  emptyTitle?: string;
  emptyText?: string;
}) {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ panel: Panel; isNew: boolean } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const visible = useMemo(() => filterPanels(layout.panels, search), [layout.panels, search]);
  const sections = sectionsOf(visible);
  const allSections = sectionsOf(layout.panels).map((section) => section.name);
  const collapsed = new Set(layout.collapsedSections);
  const searching = search.trim() !== '';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          label="Search panels"
          placeholder="Search panels (regular expression, e.g. ^train/)"
          className="min-w-64 flex-1"
          value={search}
          onValueChange={setSearch}
        />
        <p className="text-sm text-zinc-500 dark:text-zinc-400" aria-live="polite">
          {searching
            ? `${visible.length} of ${layout.panels.length} panels`
            : `${layout.panels.length} ${layout.panels.length === 1 ? 'panel' : 'panels'}`}
        </p>
        {editable && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              setEditing({
                panel: { ...autoPanel(''), id: newPanelId(), yKeys: [], section: 'Custom' },
                isNew: true,
              })
            }
          >
            <Plus className="h-4 w-4" aria-hidden /> Add panel
          </Button>
        )}
      </div>

      {runs.length === 0 ? (
        <EmptyState icon={LineChartIcon} title="No runs selected">
          Select runs in the table to chart them.
        </EmptyState>
      ) : layout.panels.length === 0 ? (
        <EmptyState icon={LineChartIcon} title={emptyTitle}>
          {emptyText}
        </EmptyState>
      ) : sections.length === 0 ? (
        <EmptyState icon={Search} title="No panels match">
          {`Nothing matches “${search}”. Try a shorter pattern.`}
        </EmptyState>
      ) : (
        sections.map((section) => {
          // A search opens every section it matches in.
          const open = searching || !collapsed.has(section.name);
          const sectionId = `section-${section.name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
          return (
            <section
              key={section.name}
              aria-labelledby={`${sectionId}-heading`}
              className="space-y-3"
            >
              <h3 id={`${sectionId}-heading`} className="text-sm font-semibold">
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls={sectionId}
                  onClick={() => dispatch({ type: 'toggleSection', section: section.name })}
                  className="inline-flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                >
                  {open ? (
                    <ChevronDown className="h-4 w-4" aria-hidden />
                  ) : (
                    <ChevronRight className="h-4 w-4" aria-hidden />
                  )}
                  {section.name}
                  <span className="font-normal text-zinc-500 dark:text-zinc-400">
                    {section.panels.length}
                  </span>
                </button>
              </h3>
              {open && (
                <ul id={sectionId} className="grid grid-cols-1 gap-4 lg:grid-cols-6">
                  {section.panels.map((panel, index) => {
                    const keys = resolvePanelKeys(panel, availableKeys);
                    const title = panelTitle(panel);
                    return (
                      <li
                        key={panel.id}
                        aria-label={title}
                        className={cn(
                          'rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900',
                          sizeClass[panel.size],
                          dragging === panel.id && 'opacity-50',
                        )}
                        onDragOver={(event) => {
                          if (dragging && dragging !== panel.id) event.preventDefault();
                        }}
                        onDrop={(event) => {
                          event.preventDefault();
                          if (dragging)
                            dispatch({ type: 'moveBefore', id: dragging, beforeId: panel.id });
                          setDragging(null);
                        }}
                      >
                        <div className="mb-1 flex items-center gap-1">
                          {editable && (
                            <span
                              draggable
                              onDragStart={(event) => {
                                event.dataTransfer.effectAllowed = 'move';
                                event.dataTransfer.setData('text/plain', panel.id);
                                setDragging(panel.id);
                              }}
                              onDragEnd={() => setDragging(null)}
                              className="cursor-grab text-zinc-400"
                              title="Drag to move"
                            >
                              <GripVertical className="h-4 w-4" aria-hidden />
                            </span>
                          )}
                          <h4 className="min-w-0 flex-1 truncate text-sm font-medium" title={title}>
                            {title}
                          </h4>
                          {editable && (
                            <div className="flex shrink-0 items-center">
                              <IconButton
                                label={`Move ${title} up`}
                                disabled={index === 0}
                                onClick={() =>
                                  dispatch({ type: 'move', id: panel.id, direction: 'up' })
                                }
                              >
                                <ArrowUp className="h-3.5 w-3.5" aria-hidden />
                              </IconButton>
                              <IconButton
                                label={`Move ${title} down`}
                                disabled={index === section.panels.length - 1}
                                onClick={() =>
                                  dispatch({ type: 'move', id: panel.id, direction: 'down' })
                                }
                              >
                                <ArrowDown className="h-3.5 w-3.5" aria-hidden />
                              </IconButton>
                              <IconButton
                                label={`Resize ${title} (now ${panel.size})`}
                                onClick={() =>
                                  dispatch({
                                    type: 'resize',
                                    id: panel.id,
                                    size: nextSize[panel.size],
                                  })
                                }
                              >
                                <Maximize2 className="h-3.5 w-3.5" aria-hidden />
                              </IconButton>
                              <IconButton
                                label={`Edit ${title}`}
                                onClick={() => setEditing({ panel, isNew: false })}
                              >
                                <Pencil className="h-3.5 w-3.5" aria-hidden />
                              </IconButton>
                              <IconButton
                                label={`Duplicate ${title}`}
                                onClick={() =>
                                  dispatch({ type: 'duplicate', id: panel.id, newId: newPanelId() })
                                }
                              >
                                <Copy className="h-3.5 w-3.5" aria-hidden />
                              </IconButton>
                              <IconButton
                                label={`Delete ${title}`}
                                onClick={() => dispatch({ type: 'delete', id: panel.id })}
                              >
                                <Trash2 className="h-3.5 w-3.5" aria-hidden />
                              </IconButton>
                            </div>
                          )}
                        </div>
                        {keys.length === 0 ? (
                          <p
                            className="flex items-center justify-center text-sm text-zinc-500 dark:text-zinc-400"
                            style={{ height: sizeHeight[panel.size] }}
                          >
                            No metric matches this panel yet.
                          </p>
                        ) : (
                          <LineChart
                            entityName={entityName}
                            projectName={projectName}
                            runs={runs}
                            keys={keys}
                            live={live}
                            height={sizeHeight[panel.size]}
                            options={{
                              title,
                              xAxis: panel.xAxis,
                              logX: panel.logX,
                              logY: panel.logY,
                              smoothing: panel.smoothing,
                              xMin: panel.xMin,
                              xMax: panel.xMax,
                              yMin: panel.yMin,
                              yMax: panel.yMax,
                              legend: panel.legend,
                              yTitle: yTitleFor?.(panel),
                            }}
                          />
                        )}
                        {(panel.logY || panel.logX || panel.smoothing > 0) && (
                          <p className="mt-1 flex flex-wrap gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                            {panel.logY && <span>log y</span>}
                            {panel.logX && <span>log x</span>}
                            {panel.smoothing > 0 && (
                              <span>smoothing {panel.smoothing.toFixed(2)}</span>
                            )}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          );
        })
      )}

      {editing && (
        <PanelEditorDialog
          heading={editing.isNew ? 'Add panel' : `Edit ${panelTitle(editing.panel)}`}
          panel={editing.panel}
          availableKeys={availableKeys}
          sections={allSections}
          onClose={() => setEditing(null)}
          onSave={(panel) => {
            dispatch(
              editing.isNew ? { type: 'add', panel } : { type: 'update', id: panel.id, panel },
            );
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
