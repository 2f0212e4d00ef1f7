// Synthesizes Amplify's own auth construct (@aws-amplify/auth-construct, pinned in
// package-lock.json) for the bundled example (examples/shop.json, written in Amplify's
// vocabulary below), as an Amplify user's app does: one App, one Stack, app.synth(),
// with aws-cdk-lib's defaults (built-in validation on unless CDK_VALIDATION=false).
// scripts/bench runs it beside defineauth. Usage: node scripts/amplify-synth.mjs OUTDIR
import { App, Stack } from 'aws-cdk-lib';
import { AmplifyAuth } from '@aws-amplify/auth-construct';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node scripts/amplify-synth.mjs OUTDIR');
  process.exit(2);
}
const app = new App({ outdir });
const stack = new Stack(app, 'amplify-shop');
new AmplifyAuth(stack, 'Auth', {
  loginWith: { email: true },
  multifactor: { mode: 'REQUIRED', sms: true, totp: true },
  userAttributes: { phoneNumber: { required: true, mutable: true } },
  accountRecovery: 'EMAIL_ONLY',
});
app.synth();
