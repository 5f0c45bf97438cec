/** The cookies the pages set: always Secure, HttpOnly and SameSite=Lax, on the whole site. */
export const SESSION_COOKIE = 'tdmr_session';
export const COOKIE = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' } as const;
