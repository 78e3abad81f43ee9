'use client';

import { Bell, HardDrive, KeyRound, Mail, ShieldAlert, UserRound } from 'lucide-react';
import { SideNav } from '@/components/ui/side-nav';

const items = [
  { href: '/settings', label: 'Profile', icon: UserRound },
  { href: '/settings/emails', label: 'Emails', icon: Mail },
  { href: '/settings/api-keys', label: 'API keys', icon: KeyRound },
  { href: '/settings/preferences', label: 'Alerts & beta', icon: Bell },
  { href: '/settings/storage', label: 'Storage', icon: HardDrive },
  { href: '/settings/account', label: 'Account', icon: ShieldAlert },
] as const;

/** The personal settings sections; "/settings" is the profile page itself. */
export function SettingsNav() {
  return <SideNav label="Settings" items={items} />;
}
