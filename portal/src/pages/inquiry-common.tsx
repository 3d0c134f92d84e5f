import { paths, useRoute } from '../router.ts';
import type { Session } from '../session.ts';
import { useLocale } from '../use-locale.ts';
import { useInquiryText } from './inquiry-messages.ts';

// What the inquiry pages share: who may create inquiries, and the sign-in hint.

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
