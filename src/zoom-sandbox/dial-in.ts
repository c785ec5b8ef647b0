// settings.global_dial_in_numbers, derived from global_dial_in_countries (zoom_api.md §2.2).
// The numbers are deliberately fictional (reserved-for-drama ranges) so that nobody dials a real
// Zoom bridge from a sandbox page; countries without such a range get no numbers.

export interface DialInNumber {
  country: string;
  country_name: string;
  city?: string;
  number: string;
  type: 'toll' | 'tollfree';
}

const NUMBERS: Record<string, DialInNumber[]> = {
  US: [
    { country: 'US', country_name: 'US', city: 'New York', number: '+1 6465550123', type: 'toll' },
    { country: 'US', country_name: 'US', city: 'San Jose', number: '+1 6695550145', type: 'toll' },
    { country: 'US', country_name: 'US', number: '+1 8005550199', type: 'tollfree' },
  ],
  GB: [
    {
      country: 'GB',
      country_name: 'United Kingdom',
      city: 'London',
      number: '+44 20 7946 0123',
      type: 'toll',
    },
  ],
  AU: [{ country: 'AU', country_name: 'Australia', city: 'Sydney', number: '+61 2 5550 0123', type: 'toll' }],
};

export function dialInNumbers(countries: unknown): DialInNumber[] {
  if (!Array.isArray(countries)) return [];
  return countries.flatMap((c) => (typeof c === 'string' ? (NUMBERS[c.toUpperCase()] ?? []) : []));
}
