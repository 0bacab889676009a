/**
 * Registration claims (docs/domain.md, P7), English: the source of the `claims` key set. A
 * community's claim to be registered, as the community sees it on My community and as officials
 * and administrators verify it in their queue.
 */
export const claimsEn = {
  title: 'Registration claims',
  intro:
    'Communities that say they are registered with the state. Find each entry in the state register, then verify it — the community counts as registered from then on — or reject it with a reason the community will read.',
  filter: 'Show',
  status: {
    pending: 'Waiting',
    verified: 'Verified',
    rejected: 'Rejected',
  },
  empty: {
    pending: 'No claim is waiting for verification.',
    verified: 'No verified claims.',
    rejected: 'No rejected claims.',
  },
  number: 'Registration number',
  date: 'Registration date',
  issuingBody: 'Issuing body',
  claimedOn: 'Claimed on {{date}}',
  decidedOn: {
    verified: 'Verified on {{date}}',
    rejected: 'Rejected on {{date}}',
  },
  reason: 'Reason: {{reason}}',
  verify: 'Verify',
  reject: 'Reject',
  verifyQuestion:
    'Verify this registration? Only after finding the same entry in the state register: the community will count as registered and lose the protection of unregistered communities.',
  confirmVerify: 'Verify the registration',
  rejectQuestion: 'Reject this claim? The community will read your reason.',
  rejectReason: 'Reason (10 to 2000 characters)',
  confirmReject: 'Reject the claim',
  tooShort: 'Please write at least 10 characters.',
  notGiven: 'not given — enter it from the register when verifying',
  fromRegister: 'This claim was filed on the community\'s behalf with its registration number only. Enter the date and issuing body as the state register shows them.',
  required: 'Enter it from the state register.',
  back: 'Back',
  done: {
    verified: 'The registration of {{name}} is verified.',
    rejected: 'The claim of {{name}} is rejected.',
  },
  own: {
    pending: 'Claimed registered — waiting for an official to verify it (No. {{number}} of {{date}}, {{issuingBody}}).',
    pendingHint: 'Until then your community counts as not registered and stays protected.',
    verified: 'Registration verified (No. {{number}} of {{date}}, {{issuingBody}}).',
    pendingNumberOnly: 'Claimed registered — waiting for an official to verify it (No. {{number}}; the official adds the date and issuing body from the state register).',
    rejected: 'Your registration claim was rejected: {{reason}}',
    rejectedHint: 'You can file a corrected claim: choose "Registered" again and save.',
  },
};

export type ClaimsTranslation = typeof claimsEn;
