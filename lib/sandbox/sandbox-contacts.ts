// The demo contacts every sandbox has (one echoes whatever it is sent). Shared by all tenants; kept
// apart from start-sandbox.ts so route code can know them without loading the emulator.
export const SANDBOX_CONTACTS = [
  { phone: "15550100001", name: "Echo Bot", echo: true },
  { phone: "15550100002", name: "Alice Example", echo: false },
  { phone: "15550100003", name: "Bob Example", echo: false },
];
