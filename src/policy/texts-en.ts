/**
 * English wording of the engine's reasons, with no platform named: the built-in
 * policies share it (data, like the rest of a policy). A policy file may word
 * them its own way; every placeholder the engine fills is used here.
 */
import type { PolicyTexts } from './schema'

export const englishReasons: PolicyTexts['reasons'] = {
  phase: 'Region {region} ({regionName}): phase "{phase}" from {start} until {end}, {certainty}; each date from the start of that day in the member\'s time zone',
  'territory-ambiguous': '{note}: read both as {region} and as {alsoReadAs}; the answer is certain only where both readings agree',
  'time-zone-inferred': "No time zone given: {country}'s zones ({zones}) were each read; where their days start at different instants, the answer between them is undetermined",
  'time-zone-of-place': 'No time zone given: {place} keeps the clocks of {zone}, which was read',
  'outside-policy': '{country} is in none of the regions of this policy: {note}',
  'age-not-given': 'No birth date given: the member is taken to be {age} or over',
  'adult-from': 'The member turns {age} at {at}, the start of that birthday in their time zone',
  'birth-year-only': 'Only the birth year is known: the member turns {age} between {from} and {until}',
  'birth-month-only': 'Only the birth month is known: the member turns {age} between {from} and {until}',
  'secondary-school': '{note}; taken to hold throughout',
  'opt-in-ignored': 'The opt-in at {at} changes nothing: the opt-out through "{channel}" is not reversed by an opt-in',
  'not-started': "Use of the member's data has not started at asOf; it starts at {at} at the earliest",
  'under-18': 'The member is under {age} at asOf, until {at} at the latest',
  paused: 'Phase "{phase}" ended at {at}; no phase of use is running at asOf',
  ended: 'Phase "{phase}", the last, ended at {at}',
  'possible-phase': 'Phase "{phase}" is only possible: whether any data was used then is not known ({note})',
  'end-range': 'Phase "{phase}" ended on a day not made public, between {from} and {until}: the answer inside that range is undetermined',
  'opted-out': 'The member opted out through "{channel}" at {at}: use stopped going forward; training already done is not undone',
  'opted-out-for-good': 'The member opted out through "{channel}" at {at}, which no opt-in reverses: use stopped going forward, for good',
  'opted-out-before-start': 'The member opted out through "{channel}" at {at}, before any use began: none of their data is used',
  'start-undetermined': 'The readings of facts not given disagree at asOf: use starts at {from} in the earliest and at {until} in the latest',
  'category-used': '{description}: used for training',
  'category-not-used': '{description}: not used for training',
  'category-unknown': 'The policy says nothing about category "{category}"',
  'created-under-18': 'The item was created while the member was under {age}; the policy is silent on such data',
  'not-yet-created': 'The item is created at {at}, after asOf',
  retained: 'Use has stopped, but the item existed during a window of use: it may sit in models trained then; opting out does not undo training',
  'created-after-use': 'The item was created after the last window of use closed ({at})',
  'never-covered': "The member's data is never used",
  'created-only-possible': 'The item existed only during phase "{phase}", which may not have happened: whether it was used is not known',
  'created-in-range': 'The item was created between {from} and {until}, and a boundary of use falls inside that range',
  'lookback-limited': 'Phase "{phase}" does not reach back to all older data, and how far it reaches is not public ({note}): this item predates the window',
}

export const englishWords: PolicyTexts['words'] = { open: 'no end announced', range: 'a day between {earliest} and {latest}' }
