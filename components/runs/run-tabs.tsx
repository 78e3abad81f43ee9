'use client';

import {
  Boxes,
  Cpu,
  FileText,
  FolderOpen,
  LayoutDashboard,
  LineChart,
  Network,
  type LucideIcon,
} from 'lucide-react';
import { SideNav } from '../ui/side-nav';

const tabs: { segment: string; label: string; icon: LucideIcon }[] = [
  { segment: '', label: 'Overview', icon: LayoutDashboard },
  { segment: 'charts', label: 'Charts', icon: LineChart },
  { segment: 'system', label: 'System', icon: Cpu },
  { segment: 'model', label: 'Model', icon: Network },
  { segment: 'logs', label: 'Logs', icon: FileText },
  { segment: 'files', label: 'Files', icon: FolderOpen },
  { segment: 'artifacts', label: 'Artifacts', icon: Boxes },
];

/**
 * The run page's tabs, each its own URL under the run's base path. Overview is current
 * only on itself; the others also on pages below them (files/…).
 */
export function RunTabs({ basePath }: { basePath: string }) {
  const items = tabs.map(({ segment, label, icon }) => ({
    href: segment ? `${basePath}/${segment}` : basePath,
    label,
    icon,
  }));
  return <SideNav label="Run" items={items} look="tabs" />;
}
