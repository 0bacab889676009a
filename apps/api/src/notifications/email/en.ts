import type { EmailLanguage } from './email-language';

export const en: EmailLanguage = {
  namedCommunity: '{name}',
  someCommunity: 'A community',
  sentence: {
    application_received: '{community} applied to {club}.',
    application_accepted: '{community} was accepted as an observer in {club}.',
    nominated: '{community} was nominated for membership of {club}.',
    review_recorded: '{community}: an official recorded a review of the candidacy in {club}.',
    concern_resolved: '{community}: an official concern in {club} was resolved.',
    review_response: '{community}: a response was added to an official review in {club}.',
    admitted: '{community} was admitted as a member of {club}.',
    deferred: '{community}: the decision on membership of {club} was deferred.',
    declined: '{community} was declined by {club}.',
    suspended: '{community}: the participation in {club} was suspended.',
    reinstated: '{community}: the participation in {club} was reinstated.',
    withdrawn: '{community} withdrew from {club}.',
    sponsored: '{community} received a sponsorship from a member of {club}.',
    appeal_filed: '{community} appealed a decision of {club}.',
    appeal_decided: '{community}: the appeal against a decision of {club} was decided.',
  },
  greeting: 'Hello, {name}.',
  reason: 'Reason: {reason}',
  open: 'Open in Dastarkhan: {link}',
  footer: 'You receive this email because you take part in a multi-faith club on Dastarkhan.',
};
