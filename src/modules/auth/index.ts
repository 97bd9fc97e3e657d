export { authRoutes } from './auth.routes';
export {
  authenticate,
  clearCachesAfterWrites,
  csrfProtection,
  guard,
  clientAddress,
  uploadPaths,
  csrfHeader,
  sessionCookieName,
  secureCookies,
} from './middleware';
export { writeAudit, type AuditEntry } from './audit';
export { commonPasswords } from './common-passwords';
export { deleteUserSessions, hashToken, sessionSettings } from './sessions';
export { newApiToken } from './tokens';
export { generatePassword, hashPassword, verifyPassword } from './passwords';
export { loginSettings } from './auth.service';
export { createUserRow, findUser, grantsOf, type NewUser } from './users.service';
