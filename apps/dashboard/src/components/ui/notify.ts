import { notifications, type NotificationData } from '@mantine/notifications';

/**
 * `notifications.show` with a named close button (axe: button-name; Mantine's close button has no
 * accessible name by default).
 */
export function notify(data: NotificationData): string {
  return notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss notification' }, ...data });
}
