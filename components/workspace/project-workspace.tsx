'use client';

import { Check, Loader2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { requestGraphQL } from '@/components/charts/graphql-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { WorkspaceLayout } from '@/lib/workspaces/schemas';
import { ChartsLoadError, ChartsSkeleton } from './chart-states';
import { PanelGrid } from './panel-grid';
import { emptyLayout, layoutReducer, withAutoPanels, type LayoutAction } from './panel-layout';
import { useChartContext } from './use-chart-context';

export interface WorkspaceRun {
  id: string;
  runId: string;
  name: string;
  color: string;
}

export interface ProjectWorkspaceProps {
  entityName: string;
  projectName: string;
  runs: WorkspaceRun[];
  canEdit: boolean;
}

interface WorkspaceView {
  personal: WorkspaceLayout | null;
  shared: WorkspaceLayout | null;
  canSavePersonal: boolean;
  canSaveShared: boolean;
}

const fields = 'personal shared canSavePersonal canSaveShared';
const saveDelayMs = 600;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The panel workspace of a project for the runs the table selects: one panel per metric by
 * default, in sections by prefix. Each person's edits are saved as their own layout (shortly
 * after each change); members can also save it as the project's shared default, which is
 * what everyone without a layout of their own sees.
 */
export function ProjectWorkspace({
  entityName,
  projectName,
  runs,
  canEdit,
}: ProjectWorkspaceProps) {
  const runIds = runs.map((run) => run.runId);
  const {
    keys,
    running,
    error: keysError,
    retry,
  } = useChartContext(entityName, projectName, runIds);
  const [view, setView] = useState<WorkspaceView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [layout, setLayout] = useState<WorkspaceLayout>(emptyLayout);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [sharedState, setSharedState] = useState<SaveState>('idle');
  const editedRef = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    requestGraphQL<{ workspace: WorkspaceView }>(
      `query Workspace($entity: String!, $project: String!) {
        workspace(entity: $entity, project: $project) { ${fields} }
      }`,
      { entity: entityName, project: projectName },
      controller.signal,
    )
      .then((data) => {
        setView(data.workspace);
        setLayout(data.workspace.personal ?? data.workspace.shared ?? emptyLayout);
      })
      .catch((reason: unknown) => {
        if (!controller.signal.aborted)
          setLoadError(reason instanceof Error ? reason.message : 'Could not load the workspace');
      });
    return () => controller.abort();
  }, [entityName, projectName]);

  // Metrics nobody arranged get their default panel (not an edit: nothing is saved for it).
  const shown = keys ? withAutoPanels(layout, keys) : layout;

  const dispatch = useCallback(
    (action: LayoutAction) => {
      editedRef.current = true;
      setLayout((current) => layoutReducer(keys ? withAutoPanels(current, keys) : current, action));
    },
    [keys],
  );

  // Each person's edits are kept as their own layout, saved shortly after the last change.
  useEffect(() => {
    if (!editedRef.current || !view?.canSavePersonal) return;
    const timer = setTimeout(() => {
      editedRef.current = false;
      setSaveState('saving');
      requestGraphQL<{ saveWorkspace: WorkspaceView }>(
        `mutation SaveWorkspace($entity: String!, $project: String!, $layout: JSON!) {
          saveWorkspace(entity: $entity, project: $project, scope: PERSONAL, layout: $layout) { ${fields} }
        }`,
        { entity: entityName, project: projectName, layout },
      )
        .then((data) => {
          setView(data.saveWorkspace);
          setSaveState('saved');
        })
        .catch(() => setSaveState('error'));
    }, saveDelayMs);
    return () => clearTimeout(timer);
  }, [layout, view?.canSavePersonal, entityName, projectName]);

  async function saveShared() {
    setSharedState('saving');
    try {
      const data = await requestGraphQL<{ saveWorkspace: WorkspaceView }>(
        `mutation SaveShared($entity: String!, $project: String!, $layout: JSON!) {
          saveWorkspace(entity: $entity, project: $project, scope: SHARED, layout: $layout) { ${fields} }
        }`,
        { entity: entityName, project: projectName, layout: shown },
      );
      setView(data.saveWorkspace);
      setSharedState('saved');
    } catch {
      setSharedState('error');
    }
  }

  async function resetToShared() {
    const data = await requestGraphQL<{ resetWorkspace: WorkspaceView }>(
      `mutation ResetWorkspace($entity: String!, $project: String!) {
        resetWorkspace(entity: $entity, project: $project) { ${fields} }
      }`,
      { entity: entityName, project: projectName },
    );
    editedRef.current = false;
    setView(data.resetWorkspace);
    setLayout(data.resetWorkspace.shared ?? emptyLayout);
    setSaveState('idle');
  }

  const error = loadError ?? keysError;
  const editable = canEdit || !!view?.canSavePersonal;
  return (
    <section aria-labelledby="workspace-heading" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="workspace-heading" className="text-lg font-semibold">
          Charts
        </h2>
        {running && (
          <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 dark:bg-emerald-950/50 dark:text-emerald-300">
            <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-emerald-500" aria-hidden />
            Live
          </span>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <SaveStatus state={saveState} />
          {view?.personal && view.shared !== null && (
            <Button variant="ghost" size="sm" onClick={() => void resetToShared()}>
              Reset to project default
            </Button>
          )}
          {canEdit && view?.canSaveShared && (
            <Button
              variant="secondary"
              size="sm"
              pending={sharedState === 'saving'}
              onClick={() => void saveShared()}
            >
              {sharedState === 'saved' ? (
                <>
                  <Check className="h-4 w-4" aria-hidden /> Saved as project default
                </>
              ) : (
                'Save as project default'
              )}
            </Button>
          )}
        </div>
      </div>
      {sharedState === 'error' && (
        <Alert tone="error">The project default could not be saved. Try again.</Alert>
      )}
      {error ? (
        <ChartsLoadError error={error} onRetry={retry} />
      ) : keys === null || view === null ? (
        <ChartsSkeleton layout="wide" label="Loading charts" />
      ) : (
        <PanelGrid
          entityName={entityName}
          projectName={projectName}
          runs={runs.map(({ runId, name, color }) => ({ runId, name, color }))}
          availableKeys={keys}
          layout={shown}
          dispatch={dispatch}
          editable={editable}
          live={running}
        />
      )}
    </section>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  if (state === 'saving')
    return (
      <span className="inline-flex items-center gap-1 text-zinc-500 dark:text-zinc-400">
        <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden /> Saving layout…
      </span>
    );
  if (state === 'saved')
    return (
      <span className="inline-flex items-center gap-1 text-zinc-500 dark:text-zinc-400">
        <Check className="h-3.5 w-3.5" aria-hidden /> Layout saved
      </span>
    );
  if (state === 'error')
    return <span className="text-red-600 dark:text-red-400">Layout not saved</span>;
  return null;
}
