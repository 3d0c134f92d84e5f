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
  const [busy, setBusy] = useState(false);
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
    /** True while `send`'s request is on its way: the dialog's action is disabled meanwhile (ConfirmQuestion). */
    busy,
    /**
     * Sends the confirmed request about the subject, the action disabled until it answers, then closes the dialog
     * and gives the answer back (undefined when nothing is asked): each confirmed action wrote these five steps
     * again (archive a member, archive an account, reset its password, cancel an event registration).
     */
    send: async <R>(request: (subject: T) => Promise<R>): Promise<R | undefined> => {
      const subject = asked?.subject;
      if (subject === undefined) return undefined;
      setBusy(true);
      try {
        return await request(subject);
      } finally {
        setBusy(false);
        dialog.current?.close();
      }
    },
    closed: () => {
      if (dialog.current?.open) return;
      const n = shownAsk.current;
      setAsked((current) => (current?.n === n ? null : current));
    },
  };
}
