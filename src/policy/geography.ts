/**
 * Geography the built-in policies share, not a reading of theirs: the EU's
 * codes, and zones for the codes tzdb lists none for (each policy cites its
 * own source).
 */

/**
 * The 27 member states, the French outermost regions (GF, GP, MQ, RE, YT, MF)
 * and Åland (AX). The Canary Islands, Ceuta, Melilla, the Azores and Madeira
 * are parts of ES and PT and carry those codes.
 */
export const euCountries = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF', 'AX',
] as const

/** Zones for the codes tzdb lists none for. */
export const zonesTzdbLacks = (source: string) =>
  ({
    XK: { zones: ['Europe/Belgrade'], note: 'Kosovo keeps Central European Time; tzdb has no entry for XK', source },
    BV: { zones: ['Etc/UTC'], note: 'Bouvet Island is uninhabited and keeps no official time; tzdb has no entry', source },
    HM: { zones: ['Indian/Kerguelen'], note: 'Heard and McDonald Islands are uninhabited; tzdb has no entry; its former zone', source },
  }) as const
