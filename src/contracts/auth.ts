// Accounts: the session, first-run setup, login, the profile, user administration and the user picker.
// One source of truth: the server validates with these schemas and the web client takes its types from them.
import { z } from 'zod';
import { IdParam, PageParam } from './ids';
import { Text } from './text';

export const PASSWORD_MIN_LENGTH = 10;

/** Text that reaches PostgreSQL, which refuses NUL characters in text (that would be a 500, not a 422). */
const text = (error = 'is required') => Text(error);

/** Trimmed and lower-cased before the format check: e-mails are unique regardless of case. */
export const EmailField = text()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an e-mail address such as ada@example.org' }).max(254));

export const NameField = text()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'must be at most 200 characters' });

export const AffiliationField = text('must be text')
  .trim()
  .max(200, { error: 'must be at most 200 characters' });

export const NewPasswordField = Text('is required')
  .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(1000, { error: 'must be at most 1000 characters' });

// ---- Session ----

export const SessionUser = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  user: SessionUser.nullable(),
  /** True until the first account (the administrator) exists. */
  needsSetup: z.boolean(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const LoggedInResponse = z.object({ user: SessionUser });
export type LoggedInResponse = z.infer<typeof LoggedInResponse>;

export const SetupRequest = z.object({
  name: NameField,
  affiliation: AffiliationField.default(''),
  email: EmailField,
  password: NewPasswordField,
});
export type SetupRequest = z.input<typeof SetupRequest>;

export const LoginRequest = z.object({
  email: text().trim().min(1, { error: 'is required' }).max(254),
  password: Text('is required').min(1, { error: 'is required' }).max(1000),
});
export type LoginRequest = z.input<typeof LoginRequest>;

// ---- Profile ----

export const ProfileEmail = z.object({
  id: z.number().int(),
  email: z.string(),
  isPrimary: z.boolean(),
});
export type ProfileEmail = z.infer<typeof ProfileEmail>;

export const Profile = z.object({
  id: z.number().int(),
  name: z.string(),
  affiliation: z.string(),
  isAdmin: z.boolean(),
  emails: z.array(ProfileEmail),
});
export type Profile = z.infer<typeof Profile>;

export const UpdateProfileRequest = z.object({
  name: NameField.optional(),
  affiliation: AffiliationField.optional(),
});
export type UpdateProfileRequest = z.input<typeof UpdateProfileRequest>;

export const AddEmailRequest = z.object({ email: EmailField });
export type AddEmailRequest = z.input<typeof AddEmailRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: Text('is required').min(1, { error: 'is required' }).max(1000),
  newPassword: NewPasswordField,
});
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

export const IdParams = z.object({
  id: IdParam,
});

// ---- Administration ----

export const ADMIN_USERS_PAGE_SIZE = 25;

export const AdminUser = z.object({
  id: z.number().int(),
  name: z.string(),
  affiliation: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  isBlocked: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUsersQuery = z.object({
  q: text().trim().max(200, { error: 'must be at most 200 characters' }).default(''),
  page: PageParam(1_000_000).default(1),
});
export type AdminUsersQuery = z.input<typeof AdminUsersQuery>;

export const AdminUsersPage = z.object({
  users: z.array(AdminUser),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminUsersPage = z.infer<typeof AdminUsersPage>;

export const CreateUserRequest = z.object({
  name: NameField,
  affiliation: AffiliationField.default(''),
  email: EmailField,
  password: NewPasswordField,
  isAdmin: z.boolean().default(false),
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  isAdmin: z.boolean({ error: 'must be true or false' }).optional(),
  isBlocked: z.boolean({ error: 'must be true or false' }).optional(),
});
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

// ---- User picker ----

export const USER_SEARCH_LIMIT = 20;

export const UserSearchQuery = z.object({
  q: text()
    .trim()
    .min(2, { error: 'must be at least 2 characters' })
    .max(200, { error: 'must be at most 200 characters' }),
});
export type UserSearchQuery = z.input<typeof UserSearchQuery>;

export const UserSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The primary e-mail: for administrators only (the picker tells people apart by name and affiliation). */
  email: z.string().optional(),
  affiliation: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserSearchResponse = z.object({ users: z.array(UserSummary) });
export type UserSearchResponse = z.infer<typeof UserSearchResponse>;
