/** What the sign-in server action hands back to the form: an error to show, and what was typed. */
export interface LoginFormState {
  error?: string;
  identifier?: string;
}
