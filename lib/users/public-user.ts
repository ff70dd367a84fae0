// The fields of a user that leave the server. The password hash never does.
export const PUBLIC_USER_SELECT = {
  id: true,
  name: true,
  email: true,
  username: true,
  phone: true,
  gst: true,
  role: true,
  ownerId: true,
  lastLoginAt: true,
  suspendedAt: true,
  timeZone: true,
  locale: true,
  createdAt: true,
  updatedAt: true,
} as const;
