import type { EmailLanguage } from './email-language';

export const ru: EmailLanguage = {
  namedCommunity: 'Община «{name}»',
  someCommunity: 'Одна из общин',
  sentence: {
    application_received: '{community} подала заявку в клуб «{club}».',
    application_accepted: '{community} принята в клуб «{club}» как наблюдатель.',
    nominated: '{community} выдвинута в члены клуба «{club}».',
    review_recorded: '{community}: официальное лицо оставило отзыв о кандидатуре в клубе «{club}».',
    concern_resolved: '{community}: замечание официального лица в клубе «{club}» снято.',
    review_response: '{community}: к отзыву официального лица в клубе «{club}» добавлен ответ.',
    admitted: '{community} принята в члены клуба «{club}».',
    deferred: '{community}: решение о членстве в клубе «{club}» отложено.',
    declined: '{community} получила отказ в клубе «{club}».',
    suspended: '{community}: участие в клубе «{club}» приостановлено.',
    reinstated: '{community}: участие в клубе «{club}» восстановлено.',
    withdrawn: '{community} вышла из клуба «{club}».',
    sponsored: '{community} получила рекомендацию от члена клуба «{club}».',
    appeal_filed: '{community} обжаловала решение клуба «{club}».',
    appeal_decided: '{community}: по апелляции на решение клуба «{club}» принято решение.',
  },
  greeting: 'Здравствуйте, {name}.',
  reason: 'Причина: {reason}',
  open: 'Открыть в Dastarkhan: {link}',
  footer: 'Вы получили это письмо, потому что участвуете в межрелигиозном клубе на Dastarkhan.',
};
