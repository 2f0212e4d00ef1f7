// Loads every testdata/outputs/<name>.amplify_outputs.json with the real aws-amplify JS
// client (the version pinned in package-lock.json), calls Amplify.configure, and checks
// that Amplify.getConfig().Auth.Cognito carries what testdata/configs/<name>.json asked
// for. Expectations are derived here from the config file itself, independently of the
// Go code that wrote the outputs. Run: node --test clienttest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Amplify } from 'aws-amplify';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputsDir = join(root, 'testdata', 'outputs');
const configsDir = join(root, 'testdata', 'configs');

// Standard attributes used by the configs, camelCase -> Cognito name.
const standard = { email: 'email', phoneNumber: 'phone_number', givenName: 'given_name', familyName: 'family_name', birthdate: 'birthdate' };

function expected(cfg) {
  const mode = cfg.multifactor?.mode ?? 'OFF';
  const on = mode !== 'OFF';
  const required = new Set();
  if (cfg.loginWith.email) required.add('email');
  if (cfg.loginWith.phone) required.add('phone_number');
  for (const [key, attr] of Object.entries(cfg.userAttributes ?? {})) {
    if (attr.required && !key.startsWith('custom:')) required.add(standard[key] ?? key);
  }
  const pw = cfg.passwordPolicy ?? {};
  const emailOtp = Boolean(cfg.loginWith.email?.otpLogin);
  const smsOtp = Boolean(cfg.loginWith.phone?.otpLogin);
  const webAuthn = cfg.loginWith.webAuthn;
  const preferred = cfg.passwordlessOptions?.preferredChallenge;
  const passwordless = emailOtp || smsOtp || webAuthn || preferred
    ? {
        emailOtpEnabled: emailOtp,
        smsOtpEnabled: smsOtp,
        webAuthn: webAuthn ? { relyingPartyId: webAuthn.relyingPartyId, userVerification: webAuthn.userVerification } : undefined,
        preferredChallenge: preferred,
      }
    : undefined;
  const x = cfg.loginWith.externalProviders;
  const scopeNames = { PHONE: 'phone', EMAIL: 'email', OPENID: 'openid', PROFILE: 'profile', COGNITO_ADMIN: 'aws.cognito.signin.user.admin' };
  const social = [['google', 'Google'], ['facebook', 'Facebook'], ['loginWithAmazon', 'Amazon'], ['signInWithApple', 'Apple']];
  const oauth = x
    ? (region) => ({
        domain: `${x.domainPrefix}.auth.${region}.amazoncognito.com`,
        redirectSignIn: x.callbackUrls,
        redirectSignOut: x.logoutUrls ?? [],
        responseType: 'code',
        scopes: (x.scopes ?? ['PHONE', 'EMAIL', 'OPENID', 'PROFILE', 'COGNITO_ADMIN']).map((s) => scopeNames[s]),
        providers: social.filter(([key]) => x[key]).map(([, name]) => name),
      })
    : undefined;
  return {
    oauth,
    passwordless,
    status: { OFF: 'off', OPTIONAL: 'optional', REQUIRED: 'on' }[mode],
    smsEnabled: on && Boolean(cfg.multifactor?.sms),
    totpEnabled: on && Boolean(cfg.multifactor?.totp),
    loginWith: { email: Boolean(cfg.loginWith.email), phone: Boolean(cfg.loginWith.phone), username: false },
    passwordFormat: {
      minLength: pw.minLength ?? 12,
      requireLowercase: pw.requireLowercase ?? true,
      requireUppercase: pw.requireUppercase ?? true,
      requireNumbers: pw.requireDigits ?? true,
      requireSpecialCharacters: pw.requireSymbols ?? true,
    },
    requiredAttributes: [...required].sort(),
    guests: Boolean(cfg.allowUnauthenticatedIdentities),
    groups: (cfg.groups ?? []).map((g, i) => ({ [g]: { precedence: i } })),
  };
}

const files = readdirSync(outputsDir).filter((f) => f.endsWith('.amplify_outputs.json'));
test('there are outputs for at least 24 configs', () => assert.ok(files.length >= 24, `found ${files.length}`));

for (const file of files) {
  const name = file.replace('.amplify_outputs.json', '');
  test(`aws-amplify accepts ${name}`, () => {
    const outputs = JSON.parse(readFileSync(join(outputsDir, file), 'utf8'));
    const cfg = JSON.parse(readFileSync(join(configsDir, `${name}.json`), 'utf8'));
    const want = expected(cfg);

    Amplify.configure(outputs);
    const cognito = Amplify.getConfig().Auth?.Cognito;
    assert.ok(cognito, 'Amplify.getConfig().Auth.Cognito is missing');

    assert.equal(cognito.userPoolId, outputs.auth.user_pool_id);
    assert.equal(cognito.userPoolClientId, outputs.auth.user_pool_client_id);
    assert.equal(cognito.identityPoolId, outputs.auth.identity_pool_id);
    assert.equal(cognito.mfa?.status, want.status, 'mfa.status');
    // Strict: a method that is off must read false, not undefined (the file lists
    // "mfa_methods": [] rather than leaving the key out, as Amplify's pipeline does).
    assert.equal(cognito.mfa?.smsEnabled, want.smsEnabled, 'mfa.smsEnabled');
    assert.equal(cognito.mfa?.totpEnabled, want.totpEnabled, 'mfa.totpEnabled');
    const { oauth, ...loginWith } = cognito.loginWith ?? {};
    assert.deepEqual(loginWith, want.loginWith, 'loginWith');
    // External sign-in (schema 1.4 oauth): getConfig().Auth.Cognito.loginWith.oauth.
    assert.deepEqual(oauth, want.oauth?.(outputs.auth.aws_region), 'loginWith.oauth');
    assert.deepEqual(cognito.passwordFormat, want.passwordFormat, 'passwordFormat');
    assert.deepEqual(Object.keys(cognito.userAttributes ?? {}).sort(), want.requiredAttributes, 'required userAttributes');
    for (const attr of want.requiredAttributes) assert.deepEqual(cognito.userAttributes[attr], { required: true });
    assert.equal(Boolean(cognito.allowGuestAccess), want.guests, 'allowGuestAccess');
    assert.deepEqual(cognito.groups, want.groups, 'groups');
    // Passwordless (schema 1.4): present exactly when the config allows it.
    assert.deepEqual(cognito.passwordless, want.passwordless, 'passwordless');
  });
}
