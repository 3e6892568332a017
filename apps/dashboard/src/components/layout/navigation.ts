import {
  IconActivity,
  IconAdjustments,
  IconBrain,
  IconChartBar,
  IconCoin,
  IconFlag,
  IconGauge,
  IconKey,
  IconListDetails,
  IconMessageChatbot,
  IconShieldCheck,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
}

/** The navigation, named as the seed's Administration and User guides name the screens. */
export const ADMIN_NAV: NavItem[] = [
  { label: 'Overview', to: '/admin', icon: IconGauge },
  { label: 'API Keys', to: '/admin/keys', icon: IconKey },
  { label: 'Feature Flags', to: '/admin/flags', icon: IconFlag },
  { label: 'Users', to: '/admin/users', icon: IconUsers },
  { label: 'Quotas', to: '/admin/quotas', icon: IconAdjustments },
  { label: 'Models', to: '/admin/models', icon: IconBrain },
  { label: 'Prices & Credits', to: '/admin/prices', icon: IconCoin },
  { label: 'Usage', to: '/admin/usage', icon: IconChartBar },
  { label: 'Request Log', to: '/admin/requests', icon: IconListDetails },
  { label: 'Audit Log', to: '/admin/audit', icon: IconShieldCheck },
];

export const USER_NAV: NavItem[] = [
  { label: 'Playground', to: '/app/playground', icon: IconMessageChatbot },
  { label: 'Quota', to: '/app/quota', icon: IconActivity },
  { label: 'API Keys', to: '/app/keys', icon: IconKey },
  { label: 'Usage & Billing', to: '/app/usage', icon: IconChartBar },
  { label: 'Models', to: '/app/models', icon: IconBrain },
  { label: 'Account', to: '/app/account', icon: IconUserCircle },
];
