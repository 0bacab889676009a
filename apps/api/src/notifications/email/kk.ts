import type { EmailLanguage } from './email-language';

export const kk: EmailLanguage = {
  namedCommunity: '«{name}» қауымдастығы',
  someCommunity: 'Бір қауымдастық',
  sentence: {
    application_received: '{community} «{club}» клубына өтінім берді.',
    application_accepted: '{community} «{club}» клубына бақылаушы ретінде қабылданды.',
    nominated: '{community} «{club}» клубына мүшелікке ұсынылды.',
    review_recorded: '{community}: лауазымды тұлға «{club}» клубындағы кандидатура туралы пікір қалдырды.',
    concern_resolved: '{community}: «{club}» клубындағы лауазымды тұлғаның ескертуі шешілді.',
    review_response: '{community}: «{club}» клубындағы лауазымды тұлғаның пікіріне жауап қосылды.',
    admitted: '{community} «{club}» клубына мүше болып қабылданды.',
    deferred: '{community}: «{club}» клубына мүшелік туралы шешім кейінге қалдырылды.',
    declined: '{community} «{club}» клубынан бас тарту алды.',
    suspended: '{community}: «{club}» клубына қатысу тоқтатылды.',
    reinstated: '{community}: «{club}» клубына қатысу қалпына келтірілді.',
    withdrawn: '{community} «{club}» клубынан шықты.',
    sponsored: '{community} «{club}» клубының мүшесінен кепілдеме алды.',
    appeal_filed: '{community} «{club}» клубының шешіміне шағым берді.',
    appeal_decided: '{community}: «{club}» клубының шешіміне берілген шағым қаралды.',
  },
  greeting: 'Сәлеметсіз бе, {name}.',
  reason: 'Себебі: {reason}',
  open: 'Dastarkhan-да ашу: {link}',
  footer: 'Бұл хатты Dastarkhan-дағы дінаралық клубқа қатысатыныңыз үшін алдыңыз.',
};
