// Synthesizes Amplify's own auth construct (@aws-amplify/auth-construct, pinned in
// package-lock.json) for the cases where it falls short, into
// testdata/amplify/<case>.template.json. lint's tests check what defineauth lint finds
// in them. Usage: node scripts/amplify-templates.mjs [OUTDIR]
import { App, Stack } from 'aws-cdk-lib';
import { AmplifyAuth } from '@aws-amplify/auth-construct';
import { mkdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ?? join(root, 'testdata', 'amplify');

// Each case: the props given to AmplifyAuth, and what goes wrong at deploy time.
const cases = {
  // baseline: a configuration Cognito accepts
  'totp-required': { loginWith: { email: true }, multifactor: { mode: 'REQUIRED', totp: true } },
  // R1: "at least one method" is only a TypeScript type
  'optional-no-method': { loginWith: { email: true }, multifactor: { mode: 'OPTIONAL' } },
  'required-sms-false': { loginWith: { email: true }, multifactor: { mode: 'REQUIRED', sms: false } },
  // R13: SMS MFA never makes phone_number required or verified
  'sms-required-no-phone': { loginWith: { email: true }, multifactor: { mode: 'REQUIRED', sms: true } },
  // R5: an SMS sender with email login and TOTP-only MFA is not rejected
  'sms-sender-totp-only': { loginWith: { email: true }, multifactor: { mode: 'OPTIONAL', totp: true }, senders: { sms: {} } },
  // R7: email MFA alone
  'email-only-mfa': {
    loginWith: { email: true }, multifactor: { mode: 'REQUIRED', email: true },
    senders: { email: { fromEmail: 'no-reply@example.com' } },
  },
  // R6: SMS MFA with phone recovery
  'sms-phone-recovery': {
    loginWith: { email: true }, multifactor: { mode: 'OPTIONAL', sms: true, totp: true },
    accountRecovery: 'EMAIL_AND_PHONE_WITHOUT_MFA',
  },
};

const cdkOut = mkdtempSync(join(tmpdir(), 'amplify-templates-'));
try {
  const app = new App({
    outdir: cdkOut,
    analyticsReporting: false,
    context: { 'aws:cdk:enable-path-metadata': false, 'aws:cdk:version-reporting': false },
  });
  const stacks = {};
  for (const [name, props] of Object.entries(cases)) {
    const stack = new Stack(app, `amplify-${name}`);
    new AmplifyAuth(stack, 'Auth', props);
    stacks[name] = stack;
  }
  const assembly = app.synth();
  mkdirSync(outdir, { recursive: true });
  for (const [name, stack] of Object.entries(stacks)) {
    const template = assembly.getStackByName(stack.stackName).template;
    writeFileSync(join(outdir, `${name}.template.json`), JSON.stringify(template, null, 2) + '\n');
    console.error(`wrote ${name}.template.json`);
  }
} finally {
  rmSync(cdkOut, { recursive: true, force: true });
}
