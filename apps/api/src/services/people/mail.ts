// The seam through which sign-in emails (password reset links) leave. The server wires in its SMTP
// sender when one is configured; without one, no email goes out and a manager issues reset links
// from the desk instead. Message text must never carry post text or other personal data beyond the
// recipient's own address and the link.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (message: MailMessage) => Promise<void>;
