/**
 * German and French wording of the engine's reasons and words, with no
 * platform named: both built-in policies share them, as they share
 * `englishReasons`. Every placeholder of the English template is kept.
 */
import type { PolicyTexts } from '../policy/schema'

export const germanReasons: PolicyTexts['reasons'] = {
  phase: 'Region {region} ({regionName}): Phase „{phase}“ ab {start}, Ende: {end}, Gewissheit: {certainty}; jedes Datum ab Beginn dieses Tages in der Zeitzone des Mitglieds',
  'territory-ambiguous': '{note}: sowohl als {region} als auch als {alsoReadAs} gelesen; die Antwort ist nur dort sicher, wo beide Lesarten übereinstimmen',
  'time-zone-inferred': 'Keine Zeitzone angegeben: Die Zeitzonen von {country} ({zones}) wurden jeweils gelesen; wo ihre Tage zu verschiedenen Zeitpunkten beginnen, ist die Antwort dazwischen unbestimmt',
  'time-zone-of-place': 'Keine Zeitzone angegeben: {place} folgt der Uhrzeit von {zone}, die gelesen wurde',
  'outside-policy': '{country} liegt in keiner Region dieser Richtlinie: {note}',
  'age-not-given': 'Kein Geburtsdatum angegeben: Das Mitglied wird als mindestens {age} Jahre alt angenommen',
  'adult-from': 'Das Mitglied wird am {at} {age} Jahre alt, zu Beginn dieses Geburtstags in seiner Zeitzone',
  'birth-year-only': 'Nur das Geburtsjahr ist bekannt: Das Mitglied wird zwischen {from} und {until} {age} Jahre alt',
  'birth-month-only': 'Nur der Geburtsmonat ist bekannt: Das Mitglied wird zwischen {from} und {until} {age} Jahre alt',
  'secondary-school': '{note}; als durchgehend zutreffend angenommen',
  'opt-in-ignored': 'Das Opt-in am {at} ändert nichts: Der Widerspruch über „{channel}“ wird durch ein Opt-in nicht aufgehoben',
  'not-started': 'Die Nutzung der Daten des Mitglieds hat zum Zeitpunkt asOf noch nicht begonnen; sie beginnt frühestens am {at}',
  'under-18': 'Das Mitglied ist zum Zeitpunkt asOf jünger als {age} Jahre, spätestens bis {at}',
  paused: 'Phase „{phase}“ endete am {at}; zum Zeitpunkt asOf läuft keine Nutzungsphase',
  ended: 'Phase „{phase}“, die letzte, endete am {at}',
  'possible-phase': 'Phase „{phase}“ ist nur möglich: Ob damals Daten genutzt wurden, ist nicht bekannt ({note})',
  'end-range': 'Phase „{phase}“ endete an einem nicht veröffentlichten Tag zwischen {from} und {until}: Innerhalb dieses Zeitraums ist die Antwort unbestimmt',
  'opted-out': 'Das Mitglied hat am {at} über „{channel}“ widersprochen: Die Nutzung endet für die Zukunft; bereits erfolgtes Training wird nicht rückgängig gemacht',
  'opted-out-for-good': 'Das Mitglied hat am {at} über „{channel}“ widersprochen, was kein Opt-in aufhebt: Die Nutzung endet für die Zukunft, dauerhaft',
  'opted-out-before-start': 'Das Mitglied hat am {at} über „{channel}“ widersprochen, bevor eine Nutzung begann: Keine seiner Daten werden genutzt',
  'start-undetermined': 'Die Lesarten nicht angegebener Fakten weichen zum Zeitpunkt asOf voneinander ab: Die Nutzung beginnt in der frühesten am {from} und in der spätesten am {until}',
  'category-used': '{description}: wird für das Training genutzt',
  'category-not-used': '{description}: wird nicht für das Training genutzt',
  'category-unknown': 'Die Richtlinie sagt nichts über die Kategorie „{category}“',
  'created-under-18': 'Der Eintrag wurde erstellt, als das Mitglied jünger als {age} Jahre war; die Richtlinie schweigt zu solchen Daten',
  'not-yet-created': 'Der Eintrag wird am {at} erstellt, nach asOf',
  retained: 'Die Nutzung ist beendet, aber der Eintrag bestand während eines Nutzungszeitraums: Er kann in damals trainierten Modellen enthalten sein; ein Widerspruch macht Training nicht rückgängig',
  'created-after-use': 'Der Eintrag wurde erstellt, nachdem der letzte Nutzungszeitraum endete ({at})',
  'never-covered': 'Die Daten des Mitglieds werden nie genutzt',
  'created-only-possible': 'Der Eintrag bestand nur während der Phase „{phase}“, die möglicherweise nicht stattgefunden hat: Ob er genutzt wurde, ist nicht bekannt',
  'created-in-range': 'Der Eintrag wurde zwischen {from} und {until} erstellt, und eine Grenze der Nutzung fällt in diesen Zeitraum',
  'lookback-limited': 'Phase „{phase}“ reicht nicht auf alle älteren Daten zurück, und wie weit, ist nicht öffentlich ({note}): Dieser Eintrag liegt vor dem Zeitraum',
}

export const germanWords: PolicyTexts['words'] = { open: 'kein Ende angekündigt', range: 'ein Tag zwischen {earliest} und {latest}' }

export const frenchReasons: PolicyTexts['reasons'] = {
  phase: 'Région {region} ({regionName}) : phase « {phase} » à partir du {start}, fin : {end}, certitude : {certainty} ; chaque date à partir du début de ce jour dans le fuseau horaire du membre',
  'territory-ambiguous': '{note} : lu à la fois comme {region} et comme {alsoReadAs} ; la réponse n’est certaine que là où les deux lectures concordent',
  'time-zone-inferred': 'Aucun fuseau horaire indiqué : les fuseaux de {country} ({zones}) ont chacun été lus ; là où leurs jours commencent à des instants différents, la réponse entre eux est indéterminée',
  'time-zone-of-place': 'Aucun fuseau horaire indiqué : {place} suit l’heure de {zone}, qui a été lu',
  'outside-policy': '{country} ne fait partie d’aucune région de cette politique : {note}',
  'age-not-given': 'Aucune date de naissance indiquée : le membre est supposé avoir {age} ans ou plus',
  'adult-from': 'Le membre atteint {age} ans le {at}, au début de ce jour d’anniversaire dans son fuseau horaire',
  'birth-year-only': 'Seule l’année de naissance est connue : le membre atteint {age} ans entre le {from} et le {until}',
  'birth-month-only': 'Seul le mois de naissance est connu : le membre atteint {age} ans entre le {from} et le {until}',
  'secondary-school': '{note} ; supposé valable tout du long',
  'opt-in-ignored': 'L’opt-in du {at} ne change rien : l’opposition exercée via « {channel} » n’est pas annulée par un opt-in',
  'not-started': 'L’utilisation des données du membre n’a pas commencé à la date asOf ; elle commence au plus tôt le {at}',
  'under-18': 'Le membre a moins de {age} ans à la date asOf, jusqu’au {at} au plus tard',
  paused: 'La phase « {phase} » a pris fin le {at} ; aucune phase d’utilisation n’est en cours à la date asOf',
  ended: 'La phase « {phase} », la dernière, a pris fin le {at}',
  'possible-phase': 'La phase « {phase} » n’est que possible : on ne sait pas si des données ont alors été utilisées ({note})',
  'end-range': 'La phase « {phase} » a pris fin un jour non rendu public, entre le {from} et le {until} : dans cet intervalle, la réponse est indéterminée',
  'opted-out': 'Le membre s’est opposé via « {channel} » le {at} : l’utilisation a cessé pour l’avenir ; l’entraînement déjà effectué n’est pas annulé',
  'opted-out-for-good': 'Le membre s’est opposé via « {channel} » le {at}, ce qu’aucun opt-in n’annule : l’utilisation a cessé pour l’avenir, définitivement',
  'opted-out-before-start': 'Le membre s’est opposé via « {channel} » le {at}, avant tout début d’utilisation : aucune de ses données n’est utilisée',
  'start-undetermined': 'Les lectures des faits non fournis divergent à la date asOf : l’utilisation commence le {from} dans la plus précoce et le {until} dans la plus tardive',
  'category-used': '{description} : utilisé pour l’entraînement',
  'category-not-used': '{description} : non utilisé pour l’entraînement',
  'category-unknown': 'La politique ne dit rien de la catégorie « {category} »',
  'created-under-18': 'L’élément a été créé alors que le membre avait moins de {age} ans ; la politique ne dit rien de ces données',
  'not-yet-created': 'L’élément est créé le {at}, après asOf',
  retained: 'L’utilisation a cessé, mais l’élément existait pendant une période d’utilisation : il peut figurer dans des modèles entraînés alors ; s’opposer n’annule pas l’entraînement',
  'created-after-use': 'L’élément a été créé après la fin de la dernière période d’utilisation ({at})',
  'never-covered': 'Les données du membre ne sont jamais utilisées',
  'created-only-possible': 'L’élément n’a existé que pendant la phase « {phase} », qui n’a peut-être pas eu lieu : on ne sait pas s’il a été utilisé',
  'created-in-range': 'L’élément a été créé entre le {from} et le {until}, et une limite de l’utilisation tombe dans cet intervalle',
  'lookback-limited': 'La phase « {phase} » ne remonte pas à toutes les données plus anciennes, et jusqu’où elle remonte n’est pas public ({note}) : cet élément est antérieur à cette période',
}

export const frenchWords: PolicyTexts['words'] = { open: 'aucune fin annoncée', range: 'un jour entre le {earliest} et le {latest}' }
