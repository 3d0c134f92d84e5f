import type { ComponentChildren } from 'preact';
import type { useConfirmDialog } from './confirm-dialog.ts';

/**
 * The modal question of a useConfirmDialog about its subject: the question, the button that does it, and the safe
 * choice, which has the focus when the dialog opens, so Enter alone does nothing (awarding, archiving, leaving).
 */
export function ConfirmQuestion<T>({
  confirm,
  id,
  question,
  action,
  actionClass,
  cancel,
  cancelClass = 'link-button',
  busy,
  onConfirm,
}: {
  confirm: ReturnType<typeof useConfirmDialog<T>>;
  id: string;
  question: (subject: T) => ComponentChildren;
  action: ComponentChildren;
  actionClass?: string;
  cancel: ComponentChildren;
  cancelClass?: string;
  /** The action's own busy state; without it the dialog's (useConfirmDialog's send). */
  busy?: boolean;
  onConfirm: () => void;
}) {
  return (
    <dialog ref={confirm.dialog} class="confirm" aria-labelledby={id} onClose={confirm.closed}>
      {confirm.subject !== null && (
        <>
          <p id={id}>{question(confirm.subject)}</p>
          <div class="actions">
            <button type="button" class={actionClass} disabled={busy ?? confirm.busy} onClick={onConfirm}>
              {action}
            </button>
            <button type="button" class={cancelClass} autofocus onClick={confirm.close}>
              {cancel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
