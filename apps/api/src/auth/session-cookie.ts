export const SESSION_COOKIE = 'dastarkhan_session';
