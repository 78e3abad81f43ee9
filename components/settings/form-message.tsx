import { Alert } from '@/components/ui/alert';
import type { ActionState } from '@/lib/action-state';

/**
 * The form-level result of a settings action. Validation summaries ("Invalid input: …")
 * are replaced by a pointer to the fields when every field it names is shown beside its
 * input; any other message is shown as the service wrote it.
 */
export function FormMessage({
  state,
  shownFields = [],
  className,
}: {
  state: ActionState<unknown>;
  shownFields?: string[];
  className?: string;
}) {
  if (state.status === 'error') {
    const names = Object.keys(state.fields);
    const allShown = names.length > 0 && names.every((name) => shownFields.includes(name));
    const message =
      allShown && state.message.startsWith('Invalid input')
        ? 'Check the fields marked below.'
        : state.message;
    return (
      <Alert tone="error" className={className}>
        {message}
      </Alert>
    );
  }
  if (state.status === 'ok' && state.message) {
    return (
      <Alert tone="success" className={className}>
        {state.message}
      </Alert>
    );
  }
  return null;
}
