import { paths, useRoute } from '../router.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useInquiryText } from './inquiry-messages.ts';

// What the inquiry pages share: who may create inquiries, the sign-in hint, and a deadline as its field holds it.

/** Who makes inquiries in the portal: customers (role partner), members and offices for their customers, admin. */
export const mayCreateInquiry = (session: Session) => ['partner', 'member', 'office', 'admin'].includes(session.role);

/** What a signed-out visitor sees on an inquiry page: the heading and a way to sign in that returns here. */
export function SignInFirst({ heading }: { heading: string }) {
  const text = useInquiryText();
  const { t } = useLocale();
  const route = useRoute();
  return (
    <>
      <h1>{heading}</h1>
      <p>{text.signInFirst}</p>
      <p>
        <a href={`${paths.signIn}?weiter=${encodeURIComponent(route.path)}`}>{t.navSignIn}</a>
      </p>
    </>
  );
}

/** An instant as a datetime-local field holds it, in the browser's time zone: 2027-01-15T13:00. */
export function localDateTime(iso: string): string {
  const time = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
