/**
 * Zones for the ISO codes tzdb lists none for: geography, not a policy's
 * reading, so every built-in policy names the same (each citing its own source).
 */
export const zonesTzdbLacks = (source: string) =>
  ({
    XK: { zones: ['Europe/Belgrade'], note: 'Kosovo keeps Central European Time; tzdb has no entry for XK', source },
    BV: { zones: ['Etc/UTC'], note: 'Bouvet Island is uninhabited and keeps no official time; tzdb has no entry', source },
    HM: { zones: ['Indian/Kerguelen'], note: 'Heard and McDonald Islands are uninhabited; tzdb has no entry; its former zone', source },
  }) as const
