import {
  IconActivity,
  IconAdjustments,
  IconBrain,
  IconChartBar,
  IconCloudUpload,
  IconCoin,
  IconFlag,
  IconGauge,
  IconKey,
  IconListDetails,
  IconMessageChatbot,
  IconServer2,
  IconShieldCheck,
  IconStack2,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { BATCH_TIERS } from '@/features/batches/status';
import type { Tier } from '@/lib/domain';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
  /** Shown only to users of these tiers (all when absent). */
  tiers?: readonly Tier[];
}

/** The items a user of `tier` sees. */
export const navFor = (items: NavItem[], tier: Tier): NavItem[] =>
  items.filter((item) => !item.tiers || item.tiers.includes(tier));

/** The navigation, named as the specification's Administration and User guides name the screens. */
export const ADMIN_NAV: NavItem[] = [
  { label: 'Overview', to: '/admin', icon: IconGauge },
  { label: 'API Keys', to: '/admin/keys', icon: IconKey },
  { label: 'Feature Flags', to: '/admin/flags', icon: IconFlag },
  { label: 'Users', to: '/admin/users', icon: IconUsers },
  { label: 'Quotas', to: '/admin/quotas', icon: IconAdjustments },
  { label: 'Models', to: '/admin/models', icon: IconBrain },
  { label: 'Endpoints', to: '/admin/endpoints', icon: IconServer2 },
  { label: 'Model Uploads', to: '/admin/uploads', icon: IconCloudUpload },
  { label: 'Prices & Credits', to: '/admin/prices', icon: IconCoin },
  { label: 'Usage', to: '/admin/usage', icon: IconChartBar },
  { label: 'Request Log', to: '/admin/requests', icon: IconListDetails },
  { label: 'Audit Log', to: '/admin/audit', icon: IconShieldCheck },
];

export const USER_NAV: NavItem[] = [
  { label: 'Playground', to: '/app/playground', icon: IconMessageChatbot },
  { label: 'Batches', to: '/app/batches', icon: IconStack2, tiers: BATCH_TIERS },
  { label: 'Quota', to: '/app/quota', icon: IconActivity },
  { label: 'API Keys', to: '/app/keys', icon: IconKey },
  { label: 'Usage & Billing', to: '/app/usage', icon: IconChartBar },
  { label: 'Models', to: '/app/models', icon: IconBrain },
  { label: 'Account', to: '/app/account', icon: IconUserCircle },
];
