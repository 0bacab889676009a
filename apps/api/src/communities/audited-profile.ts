/** What the audit log compares of a community's profile. */
export const AUDITED_PROFILE = [
  'name',
  'tradition',
  'registrationStatus',
  'registrationNumber',
  'registrationDate',
  'registrationIssuingBody',
  'description',
  'leaders',
  'meetingPlace',
  'approximateSize',
  'activities',
  'contactEmail',
  'contactPhone',
  'isPublic',
  'cityId',
] as const;

/** Who leads a community, where it meets and how to reach it: masked in the audit log when written (P4, P8, P11). */
export const PROTECTED_PROFILE = ['leaders', 'meetingPlace', 'contactEmail', 'contactPhone'] as const;
