import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A modal question about one thing (the quote to award, the member to archive): `ask(thing)` opens the
 * dialog once the question is rendered, so its first focus lands on its buttons; `closed` goes on the
 * dialog's onClose. Each ask is a new value, even for the same thing: the close event arrives a task
 * after close(), and a quick Enter on the same button in between used to be lost (the state did not
 * change, so the dialog never reopened, then the late close event cleared it). A close event therefore
 * clears only the ask that was shown.
 */
export function useConfirmDialog<T>() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [asked, setAsked] = useState<{ subject: T; n: number } | null>(null);
  const asks = useRef(0);
  const shownAsk = useRef(0);
  useEffect(() => {
    if (!asked || dialog.current?.open) return;
    shownAsk.current = asked.n;
    dialog.current?.showModal();
  }, [asked]);
  return {
    dialog,
    /** What the open (or opening) dialog asks about; null when none. */
    subject: asked?.subject ?? null,
    ask: (subject: T) => setAsked({ subject, n: ++asks.current }),
    close: () => dialog.current?.close(),
    closed: () => {
      if (dialog.current?.open) return;
      const n = shownAsk.current;
      setAsked((current) => (current?.n === n ? null : current));
    },
  };
}
