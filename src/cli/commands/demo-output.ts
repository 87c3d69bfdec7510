/** What `tandem demo` prints: the demo logins and today's field codes. */
import type { DemoFieldCodes, DemoLogin } from '../../demo/seed.js';

export function printFieldCodes(codes: DemoFieldCodes | undefined): void {
  if (!codes) return;
  console.log(
    `Field check-in code for today's demo movements: ${codes.checkinCode} (duress code: ${codes.duressCode}; it looks like a normal check-in and raises the highest alarm).`,
  );
}

export function printLogins(logins: readonly DemoLogin[]): void {
  console.log('Demo logins (passwords are new on every run of tandem demo):');
  const width = Math.max(...logins.map((l) => l.username.length));
  for (const login of logins) {
    console.log(
      `  ${login.username.padEnd(width)}  ${login.password}  ${login.roles.join(', ')} — ${login.organisation}`,
    );
  }
}
