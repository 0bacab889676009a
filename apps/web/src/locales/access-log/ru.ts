import type { AccessLogTranslation } from './en';

/** Sentences put the event first and who acted after the colon: Russian past tense would otherwise agree with the actor's gender. */
export const accessLogRu: AccessLogTranslation = {
  title: 'Журнал доступа',
  intro:
    'Кто и когда просматривал или менял запись вашей общины. Каждое обращение представителя государства или администратора — одна строка, что бы он ни просматривал; изменить или удалить эти строки нельзя.',
  empty: 'Вашу запись пока никто не просматривал и не менял.',
  showOlder: 'Показать более ранние',
  entry: {
    read: 'Просмотр вашей записи: {{actor}}',
    consent_granted: 'Дано согласие для представителей государства: {{actor}}',
    consent_revoked: 'Отозвано согласие для представителей государства: {{actor}}',
    registration_claimed: 'Подано заявление о государственной регистрации: {{actor}}',
    registration_verified: 'Регистрация подтверждена: {{actor}}',
    registration_rejected: 'Заявление о регистрации отклонено: {{actor}}',
    erasure: 'Персональные данные общины удалены: {{actor}}',
    change: 'Изменены люди или роли общины: {{actor}}',
    profile_change: 'Изменён профиль общины: {{actor}}',
  },
  actor: {
    named: '{{role}} ({{name}})',
    official: 'представитель государства',
    administrator: 'администратор',
    coordinator: 'координатор',
    representative: 'ваш представитель',
    system: 'платформа',
  },
  read: 'Что просмотрено: {{what}}',
  area: {
    community: 'профиль общины',
    participation: 'запись об участии (прогресс, история, решения, отзывы)',
    meeting: 'записи встреч (ответы, посещаемость, поручения)',
    project: 'совместные проекты',
    official: 'список кандидатур для представителей государства',
    appeals: 'апелляции',
    club: 'участники клуба',
    sponsorship: 'рекомендации',
    registration: 'заявления о регистрации',
  },
};
